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
	 */
	record Setup(long serviceId, String status, int step, int attempt, int maxAttempts, boolean retrying,
			Instant nextAttemptAt, long minutesLeft, boolean inProgress, boolean failed, boolean active) {
	}

	Optional<Setup> setupOf(long orderId);

}
