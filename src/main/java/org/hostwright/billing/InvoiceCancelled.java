package org.hostwright.billing;

/**
 * An invoice was cancelled (by an admin, or by the billing automation), published in the
 * cancelling transaction: what waited for its payment stops waiting.
 */
public record InvoiceCancelled(long invoiceId, long customerId) {
}
