package org.hostwright.agency;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hostwright.platform.ConflictException;

/**
 * A hosted site's status and the seed's transition table, the one place that says which move is
 * allowed. {@code cancelled} is terminal.
 */
public enum SiteStatus {

	DRAFT, POC_READY, PROPOSAL_SENT, ACCEPTED, LIVE, SUSPENDED, CANCELLED;

	/** The statuses this one may move to. */
	public Set<SiteStatus> allowedTargets() {
		return switch (this) {
			case DRAFT -> EnumSet.of(POC_READY, CANCELLED);
			case POC_READY -> EnumSet.of(PROPOSAL_SENT, CANCELLED);
			case PROPOSAL_SENT -> EnumSet.of(ACCEPTED, CANCELLED);
			case ACCEPTED -> EnumSet.of(LIVE, CANCELLED);
			case LIVE -> EnumSet.of(SUSPENDED, CANCELLED);
			case SUSPENDED -> EnumSet.of(LIVE, CANCELLED);
			case CANCELLED -> EnumSet.noneOf(SiteStatus.class);
		};
	}

	public boolean canMoveTo(SiteStatus target) {
		return allowedTargets().contains(target);
	}

	/** Refuses an illegal move with a 409 that names both statuses; nothing has changed yet. */
	public void checkMoveTo(SiteStatus target) {
		if (!canMoveTo(target)) {
			String allowed = allowedTargets().isEmpty() ? "none (cancelled is final)"
					: String.join(", ", allowedTargets().stream().map(SiteStatus::wire).toList());
			throw new ConflictException("agency.transition.refused", "A site in status '" + wire()
					+ "' cannot move to '" + target.wire() + "'. Allowed from '" + wire() + "': " + allowed + ".", wire(), target.wire());
		}
	}

	/** The snake_case name used in JSON and URLs ({@code poc_ready}). */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<SiteStatus> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
