package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * What a customer has to pay and when, for the dashboard and the Hosting page: open
 * invoices (overdue first) and the services suspended until an invoice is paid.
 */
public record CustomerDues(List<Due> invoices, List<ServiceSuspension> suspensions) {

	/** An open invoice. */
	public record Due(long invoiceId, String number, long amountCents, String currency, LocalDate dueDate,
			boolean overdue) {
	}

	public boolean empty() {
		return invoices.isEmpty() && suspensions.isEmpty();
	}

	public boolean anyOverdue() {
		return invoices.stream().anyMatch(Due::overdue);
	}

}
