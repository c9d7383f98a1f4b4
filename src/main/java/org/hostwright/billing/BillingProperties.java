package org.hostwright.billing;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The values a new installation starts with (environment variables HOSTWRIGHT_BILLING_*);
 * after the first start the settings live in the database and the admin page changes
 * them.
 *
 * @param taxRates country:percent list, e.g. {@code TZ:18,LU:17}; empty means the
 * sandbox's two rates in sandbox mode and none otherwise
 * @param reminderDays reminder offsets in days from the due date, e.g. {@code -3,0,3,7}
 * @param runAt when the daily run starts, in the business's time zone
 * @param lateFee empty for none, {@code 5%} of the invoice's total or {@code 5000} minor
 * units
 */
@ConfigurationProperties("hostwright.billing")
record BillingProperties(Integer renewalLeadDays, String invoicePrefix, Boolean pricesIncludeTax, String taxRates,
		Boolean applyCredit, Boolean mergeSameDay, LocalTime runAt, String reminderDays, Integer suspendAfterDays,
		Integer terminateAfterDays, Integer terminationWarningDays, Boolean automation, String lateFee) {

	int leadDays() {
		return renewalLeadDays == null ? 14 : renewalLeadDays;
	}

	String prefix() {
		return invoicePrefix == null || invoicePrefix.isBlank() ? "INV-" : invoicePrefix.strip();
	}

	boolean includeTax() {
		return pricesIncludeTax == null || pricesIncludeTax;
	}

	boolean credit() {
		return applyCredit == null || applyCredit;
	}

	boolean merge() {
		return mergeSameDay != null && mergeSameDay;
	}

	/** The overdue rules a new installation starts with. */
	OverdueRules overdue() {
		return new OverdueRules(
				OverdueRules.parseDays(reminderDays == null || reminderDays.isBlank() ? "-3,0,3,7" : reminderDays,
						"HOSTWRIGHT_BILLING_REMINDER_DAYS"),
				suspendAfterDays == null ? 7 : suspendAfterDays, terminateAfterDays == null ? 30 : terminateAfterDays,
				terminationWarningDays == null ? 5 : terminationWarningDays, automation == null || automation,
				runAt == null ? OverdueRules.DEFAULT_RUN_AT : runAt,
				LateFee.parse(lateFee, "HOSTWRIGHT_BILLING_LATE_FEE"));
	}

}
