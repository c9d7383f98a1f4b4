package org.hostwright.provisioning;

import java.time.Instant;

/**
 * A customer's move of a service to another plan; {@code amountMinor} is what the new
 * plan costs more per period (negative for a downgrade), invoiced when positive.
 */
record PlanChange(long id, long serviceId, long customerId, long fromPlanId, long toPlanId, String toPackage,
		long amountMinor, String currency, Long invoiceId, PlanChangeStatus status, int attempts, String lastError,
		Instant requestedAt, Instant appliedAt) {

	boolean upgrade() {
		return amountMinor > 0;
	}

}
