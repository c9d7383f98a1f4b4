package org.hostwright.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The renewal invoices of one subscription, as a plan change needs them: one still open
 * (the next period is billed at the old price and not paid yet), the periods already
 * invoiced from a date on.
 */
@Repository
class RenewalLines {

	private final JdbcClient jdbc;

	RenewalLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> openInvoiceOf(long subscriptionId) {
		return jdbc.sql("""
				SELECT i.id FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
				WHERE l.subscription_id = ? AND i.status IN (?, ?) ORDER BY i.id""")
			.params(subscriptionId, InvoiceStatus.DRAFT.wire(), InvoiceStatus.UNPAID.wire())
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/** The periods invoiced (and not cancelled) starting on or after {@code from}. */
	List<LocalDate> periodsFrom(long subscriptionId, LocalDate from) {
		return jdbc.sql("""
				SELECT DISTINCT l.period_start FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
				WHERE l.subscription_id = ? AND l.period_start >= ? AND i.status NOT IN (?, ?)
				ORDER BY l.period_start""")
			.params(subscriptionId, Date.valueOf(from), InvoiceStatus.CANCELLED.wire(), InvoiceStatus.REFUNDED.wire())
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.list();
	}

}
