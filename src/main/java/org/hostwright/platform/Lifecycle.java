package org.hostwright.platform;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one shape of every state machine in Hostwright (order, payment attempt, hosting
 * service, hosted site, prospect, client service, outbox message, invoice). A status is
 * an enum that implements this interface: {@link #targets()} answers from a
 * {@code switch} (no mutable tables), and every status write goes through
 * {@link #checkMoveTo}, which refuses an illegal move with a 409 before anything has
 * changed. The wire form (JSON, URLs, and the value stored in the database) is the
 * lowercase constant name, {@code poc_ready}; {@link States#parse} reads it back.
 *
 * @param <S> the enum itself
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

	/** The statuses this one may move to; empty for a final status. */
	Set<S> targets();

	default boolean canMoveTo(S target) {
		return targets().contains(target);
	}

	/** Whether no move leaves this status. */
	default boolean isFinal() {
		return targets().isEmpty();
	}

	/**
	 * Refuses an illegal move with an {@link IllegalMoveException} (409) naming both
	 * statuses and the allowed ones; returns the target so a write reads
	 * {@code status.checkMoveTo(PAID).wire()}.
	 */
	default S checkMoveTo(S target) {
		if (!canMoveTo(target)) {
			throw new IllegalMoveException(this, target);
		}
		return target;
	}

	/** The lowercase name used in JSON, URLs and the database ({@code poc_ready}). */
	default String wire() {
		return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
	}

	/** A status move that the machine refuses: 409, nothing changed. */
	final class IllegalMoveException extends ConflictException {

		IllegalMoveException(Lifecycle<?> from, Lifecycle<?> to) {
			super("state.move.refused", "Cannot move from '" + from.wire() + "' to '" + to.wire() + "'. Allowed from '"
					+ from.wire() + "': " + allowed(from) + ".", from.wire(), to.wire());
		}

		private static String allowed(Lifecycle<?> from) {
			return from.targets().isEmpty() ? "none (it is final)"
					: from.targets()
						.stream()
						.map(s -> ((Lifecycle<?>) s).wire())
						.sorted()
						.collect(Collectors.joining(", "));
		}

	}

}
