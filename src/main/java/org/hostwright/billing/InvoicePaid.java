package org.hostwright.billing;

/**
 * An invoice was paid in full (by any means), published in the paying transaction.
 *
 * @param ofOrder whether it is a new order's invoice: nothing was suspended or upgraded
 * for it, so the listeners that restore services and apply plan changes skip it (no
 * publication is stored for them: in a sale, two of every order's three). Null in a
 * publication stored before the event had it, which those listeners still take.
 */
public record InvoicePaid(long invoiceId, long customerId, Boolean ofOrder) {
}
