package org.hostwright.billing;

/**
 * An invoice was cancelled (by an admin, its order's cancellation, a termination, or the
 * automation when an upgrade invoice lapsed unpaid), published in the cancelling
 * transaction: whatever waited for its payment lets go.
 */
public record InvoiceCancelled(long invoiceId, long customerId) {
}
