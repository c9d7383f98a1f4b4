package org.hostwright.provisioning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's move of a service to another plan.
 *
 * @param amountMinor what the new plan costs more per whole period (negative for a
 * downgrade)
 * @param chargeMinor what the change costs for the rest of the paid period
 * ({@code periodStart} to {@code periodEnd}): invoiced when positive, credited when
 * negative
 * @param retries how many times an admin retried it after it failed
 */
record PlanChange(long id, long serviceId, long customerId, long fromPlanId, long toPlanId, String toPackage,
		long amountMinor, long chargeMinor, LocalDate periodStart, LocalDate periodEnd, String currency, Long invoiceId,
		PlanChangeStatus status, int attempts, int retries, String lastError, Instant requestedAt, Instant appliedAt,
		Instant cancelledAt) {

	boolean upgrade() {
		return amountMinor > 0;
	}

	/** Whether an invoice must be paid before the change is applied. */
	boolean invoiced() {
		return chargeMinor > 0;
	}

	/** Whether applying it puts money on the customer's credit. */
	boolean credits() {
		return chargeMinor < 0;
	}

}
