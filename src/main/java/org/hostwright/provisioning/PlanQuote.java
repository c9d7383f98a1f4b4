package org.hostwright.provisioning;

import java.time.LocalDate;

import org.hostwright.catalog.Plan;

/**
 * What a plan change would cost, shown before the customer confirms it.
 *
 * @param differenceMinor what the new plan costs more per whole period (negative when
 * cheaper)
 * @param chargeMinor the prorated part for {@code periodStart} to {@code periodEnd}:
 * invoiced when positive, put on the customer's credit when negative
 * @param days the days charged or credited
 * @param nextDueDate when the new plan's full price is billed next, null for a service
 * that is not renewed
 */
record PlanQuote(long serviceId, Plan from, Plan to, long differenceMinor, long chargeMinor, String currency,
		LocalDate periodStart, LocalDate periodEnd, long days, LocalDate nextDueDate) {

	public boolean upgrade() {
		return differenceMinor > 0;
	}

	public boolean invoiced() {
		return chargeMinor > 0;
	}

	public boolean credits() {
		return chargeMinor < 0;
	}

	public long creditMinor() {
		return Math.max(0, -chargeMinor);
	}

}
