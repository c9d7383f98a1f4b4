package org.hostwright.billing;

/** An invoice was paid in full (by any means), published in the paying transaction. */
public record InvoicePaid(long invoiceId, long customerId) {
}
