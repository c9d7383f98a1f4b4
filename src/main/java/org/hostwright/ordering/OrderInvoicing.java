package org.hostwright.ordering;

import java.util.Optional;

/**
 * Every order is charged through an invoice, issued with the order in the same
 * transaction. Implemented by the billing module (which depends on ordering, not the
 * other way round); absent, an order simply has no invoice.
 */
public interface OrderInvoicing {

	/**
	 * Issues the invoice of a newly placed order in the caller's transaction, as the last
	 * thing before it commits: the invoice number is gapless, so taking it locks the
	 * year's counter until the commit, and every checkout at once queues on that lock.
	 */
	void invoice(OrderView order);

	/** The id of the order's invoice, if it has one. */
	Optional<Long> invoiceOf(long orderId);

	/**
	 * A never-paid order is being deleted in the caller's transaction: its invoice is
	 * cancelled (it keeps its number, which the law requires) and no longer points at the
	 * order.
	 */
	void orderDeleted(long orderId);

	/**
	 * The order was cancelled in the caller's transaction: its invoice, unless already
	 * settled, is cancelled too (keeping its number and its link to the order).
	 */
	void orderCancelled(long orderId);

}
