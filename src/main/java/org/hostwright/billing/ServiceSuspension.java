package org.hostwright.billing;

/**
 * A hosting service suspended for non-payment: the invoice whose payment restores it and
 * what is still owed on it.
 */
public record ServiceSuspension(long serviceId, String service, long invoiceId, String invoiceNumber, long amountCents,
		String currency) {
}
