package org.hostwright.agency;

/**
 * A client service as submitted (the API's request body). Enumerations and dates arrive
 * as text and are checked by {@link ClientServices}, so a bad value is a 400 naming the
 * field.
 */
record ServiceInput(String serviceType, String name, String status, String billingPeriod, Long priceCents,
		String currency, Long addonProductId, String domainName, String registrar, Integer mailboxCount,
		String expiresAt, String periodStart, String periodEnd, Boolean autoRenew, String notes) {
}
