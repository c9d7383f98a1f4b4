package org.hostwright.billing;

import java.time.LocalDate;

/**
 * One thing a step of the run does to one invoice (the preview lists these, the run does
 * them): the invoice, what it still owes, and the service it renews, if any.
 *
 * @param serviceKind the renewed service's kind ({@code hosting}, {@code agency}), null
 * for an invoice that renews nothing
 * @param step the reminder's offset in days from the due date; 0 for the other kinds
 */
record OverdueItem(long invoiceId, String invoiceNumber, long customerId, long amountCents, String currency,
		LocalDate dueDate, String serviceKind, Long serviceId, String service, int step) {

	OverdueItem withStep(int offset) {
		return new OverdueItem(invoiceId, invoiceNumber, customerId, amountCents, currency, dueDate, serviceKind,
				serviceId, service, offset);
	}

	/** A hosting service (the admin's service page links to it). */
	public boolean hosting() {
		return StartSubscription.HOSTING.equals(serviceKind) && serviceId != null;
	}

}
