package org.hostwright.billing;

/**
 * The billing settings in force (one row, seeded from the environment, edited by an
 * admin).
 */
public record BillingSettings(String invoicePrefix, int renewalLeadDays, boolean pricesIncludeTax, boolean applyCredit,
		boolean mergeSameDay, String bankTransferText, String businessName, String businessAddress,
		String businessTaxId, String logoUrl) {
}
