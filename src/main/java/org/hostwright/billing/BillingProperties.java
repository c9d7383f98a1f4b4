package org.hostwright.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The values a new installation starts with (environment variables HOSTWRIGHT_BILLING_*);
 * after the first start the settings live in the database and the admin page changes
 * them.
 *
 * @param taxRates country:percent list, e.g. {@code TZ:18,LU:17}; empty means the
 * sandbox's two rates in sandbox mode and none otherwise
 */
@ConfigurationProperties("hostwright.billing")
record BillingProperties(Integer renewalLeadDays, String invoicePrefix, Boolean pricesIncludeTax, String taxRates,
		Boolean applyCredit, Boolean mergeSameDay, String runAt) {

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

}
