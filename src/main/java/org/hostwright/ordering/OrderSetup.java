package org.hostwright.ordering;

import java.time.Instant;
import java.util.Optional;

/**
 * The setup of a paid order's hosting account, as the order page shows it. Implemented by
 * the provisioning module (which depends on ordering, not the other way round); absent,
 * an order shows no setup.
 */
public interface OrderSetup {

	/**
	 * The setup of the order's service, once one exists.
	 *
	 * @param status the service's status, lowercase as on the wire
	 * @param step 1 paid, 2 creating the account (or failed there), 3 ready
	 * @param pendingAction a suspend, activate or terminate asked for and not yet done by
	 * the panel, else null
	 */
	record Setup(long serviceId, String status, int step, int attempt, int maxAttempts, boolean retrying,
			Instant nextAttemptAt, long minutesLeft, boolean inProgress, boolean failed, boolean active,
			String pendingAction) {

		/** {@code setting_up}, {@code failed} or {@code ready}, as on the pages. */
		public String state() {
			return inProgress ? "setting_up" : failed ? "failed" : "ready";
		}

	}

	Optional<Setup> setupOf(long orderId);

}
