package org.hostwright.billing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The invoices and invoice_lines tables. */
@Repository
class InvoiceStore {

	static final String COLUMNS = "id, number, customer_id, currency, status, subtotal_minor, tax_minor, total_minor, "
			+ "amount_paid_minor, issued_at, due_date, paid_at, order_id, subscription_id, period_start, prices_include_tax, "
			+ "customer_name, customer_email, customer_country, customer_tax_id, business_name, business_address, business_tax_id";

	/**
	 * An invoice being issued; its number is given last, in the same transaction
	 * ({@link #number}).
	 */
	record NewInvoice(long customerId, String currency, long subtotal, long tax, long total, Instant issuedAt,
			LocalDate dueDate, Long orderId, boolean pricesIncludeTax, Invoice.Party customer, Invoice.Party business) {
	}

	private final JdbcClient jdbc;

	InvoiceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewInvoice n) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO invoices (customer_id, currency, status, subtotal_minor, tax_minor, total_minor, amount_paid_minor,
						  issued_at, due_date, order_id, prices_include_tax, customer_name, customer_email, customer_country,
						  customer_tax_id, business_name, business_address, business_tax_id, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(n.customerId(), n.currency(), InvoiceStatus.UNPAID.wire(), n.subtotal(), n.tax(), n.total(),
					Timestamp.from(n.issuedAt()), Date.valueOf(n.dueDate()), n.orderId(), n.pricesIncludeTax(),
					n.customer().name(), n.customer().email(), n.customer().country(), n.customer().taxId(),
					n.business().name(), n.business().address(), n.business().taxId(), Timestamp.from(n.issuedAt()),
					Timestamp.from(n.issuedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertLine(long invoiceId, int position, Invoice.Line l) {
		jdbc.sql(
				"""
						INSERT INTO invoice_lines (invoice_id, position, description, service_kind, service_id, period_start, period_end,
						  quantity, unit_price_minor, tax_rate_bp, tax_minor, total_minor)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(invoiceId, position, l.description(), l.serviceKind(), l.serviceId(), date(l.periodStart()),
					date(l.periodEnd()), l.quantity(), l.unitPriceMinor(), l.taxRateBp(), l.taxMinor(), l.totalMinor())
			.update();
	}

	Optional<Invoice> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE id = ?")
			.param(id)
			.query(InvoiceStore::row)
			.optional()
			.map(i -> i.withLines(lines(i.id())));
	}

	/** Locks the invoice row for the rest of the transaction (lines not read). */
	Optional<Invoice> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE id = ? FOR UPDATE")
			.param(id)
			.query(InvoiceStore::row)
			.optional();
	}

	/**
	 * Locks the invoices among the ids, in id order (two runs locking overlapping sets
	 * take turns instead of deadlocking); answers them by id, lines not read.
	 */
	Map<Long, Invoice> lockAll(Collection<Long> ids) {
		Map<Long, Invoice> locked = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT " + COLUMNS + " FROM invoices WHERE id IN (:ids) ORDER BY id FOR UPDATE")
				.param("ids", new ArrayList<>(new TreeSet<>(ids)))
				.query(InvoiceStore::row)
				.list()
				.forEach(i -> locked.put(i.id(), i));
		}
		return locked;
	}

	Optional<Long> idOfOrder(long orderId) {
		return jdbc.sql("SELECT id FROM invoices WHERE order_id = ?").param(orderId).query(Long.class).optional();
	}

	/** A renewal an invoice bills: the subscription and the period's first day. */
	record Renewed(long subscriptionId, LocalDate periodStart) {
	}

	/** The renewals the invoice bills, one per line (several on a merged invoice). */
	List<Renewed> renewals(long invoiceId) {
		return jdbc
			.sql("""
					SELECT subscription_id, period_start FROM invoice_lines
					WHERE invoice_id = ? AND subscription_id IS NOT NULL AND period_start IS NOT NULL ORDER BY position, id""")
			.param(invoiceId)
			.query((rs, n) -> new Renewed(rs.getLong(1), rs.getDate(2).toLocalDate()))
			.list();
	}

	/** The order's invoice line of that kind that names no service yet now names it. */
	void attachService(long orderId, String kind, long serviceId) {
		jdbc.sql(
				"""
						UPDATE invoice_lines SET service_id = ?
						WHERE service_kind = ? AND service_id IS NULL AND invoice_id IN (SELECT id FROM invoices WHERE order_id = ?)""")
			.params(serviceId, kind, orderId)
			.update();
	}

	void detachOrder(long invoiceId) {
		jdbc.sql("UPDATE invoices SET order_id = NULL WHERE id = ?").param(invoiceId).update();
	}

	List<Invoice.Line> lines(long invoiceId) {
		return jdbc
			.sql("""
					SELECT description, service_kind, service_id, period_start, period_end, quantity, unit_price_minor, tax_rate_bp,
					  tax_minor, total_minor FROM invoice_lines WHERE invoice_id = ? ORDER BY position, id""")
			.param(invoiceId)
			.query((rs, n) -> new Invoice.Line(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					localDate(rs.getDate(4)), localDate(rs.getDate(5)), rs.getInt(6), rs.getLong(7), rs.getInt(8),
					rs.getLong(9), rs.getLong(10)))
			.list();
	}

	/** The customer's invoices, newest first (lines not read). */
	List<Invoice> ofCustomer(long customerId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM invoices WHERE customer_id = ? AND status <> ? ORDER BY id DESC LIMIT "
					+ Math.max(1, Math.min(limit, 500)))
			.params(customerId, InvoiceStatus.DRAFT.wire())
			.query(InvoiceStore::row)
			.list();
	}

	/**
	 * The admin's list: every filter optional, newest first (overdue invoices: by due
	 * date, the oldest first), keyset-free pages of {@code size}.
	 */
	List<Invoice> search(InvoiceFilter f, LocalDate today, int offset, int size) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM invoices WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (f.status() != null) {
			sql.append(" AND status = ?");
			params.add(f.status().wire());
		}
		if (f.overdue()) {
			sql.append(" AND status = ? AND due_date < ?");
			params.add(InvoiceStatus.UNPAID.wire());
			params.add(Date.valueOf(today));
		}
		if (f.customerId() != null) {
			sql.append(" AND customer_id = ?");
			params.add(f.customerId());
		}
		if (f.q() != null && !f.q().isBlank()) {
			sql.append(" AND number = ?");
			params.add(f.q().strip().toUpperCase(java.util.Locale.ROOT));
		}
		// overdue: the longest overdue first, the order the (status, due_date, id) index
		// gives, so a page reads its rows and stops instead of sorting every overdue
		// invoice
		sql.append(f.overdue() ? " ORDER BY due_date, id" : " ORDER BY id DESC");
		sql.append(" LIMIT ").append(size).append(" OFFSET ").append(offset);
		return jdbc.sql(sql.toString()).params(params).query(InvoiceStore::row).list();
	}

	void paid(long id, long amountPaid, InvoiceStatus status, Instant paidAt, Instant now) {
		jdbc.sql("UPDATE invoices SET amount_paid_minor = ?, status = ?, paid_at = ?, updated_at = ? WHERE id = ?")
			.params(amountPaid, status.wire(), paidAt == null ? null : Timestamp.from(paidAt), Timestamp.from(now), id)
			.update();
	}

	void status(long id, InvoiceStatus status, Instant now) {
		jdbc.sql("UPDATE invoices SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.wire(), Timestamp.from(now), id)
			.update();
	}

	/**
	 * The invoices' status in one statement, for the billing automation's batch (which
	 * locked them and checked each move); answers how many rows changed.
	 */
	int statusAll(Collection<Long> ids, InvoiceStatus status, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE invoices SET status = :status, updated_at = :now WHERE id IN (:ids)")
			.param("status", status.wire())
			.param("now", Timestamp.from(now))
			.param("ids", new ArrayList<>(new TreeSet<>(ids)))
			.update();
	}

	void recordPayment(long invoiceId, PaymentMethod method, String reference, long amount, String currency, Long by,
			Instant now) {
		jdbc.sql(
				"""
						INSERT INTO invoice_payments (invoice_id, method, reference, amount_minor, currency, recorded_by, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(invoiceId, method.wire(), reference, amount, currency, by, Timestamp.from(now))
			.update();
	}

	boolean referenceUsed(PaymentMethod method, String reference) {
		return jdbc.sql("SELECT COUNT(*) FROM invoice_payments WHERE method = ? AND reference = ?")
			.params(method.wire(), reference)
			.query(Integer.class)
			.single() > 0;
	}

	static Invoice row(ResultSet rs, int n) throws SQLException {
		Timestamp issued = rs.getTimestamp("issued_at");
		Timestamp paid = rs.getTimestamp("paid_at");
		return new Invoice(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"),
				rs.getString("currency"), States.fromColumn(InvoiceStatus.class, rs.getString("status")),
				rs.getLong("subtotal_minor"), rs.getLong("tax_minor"), rs.getLong("total_minor"),
				rs.getLong("amount_paid_minor"), issued == null ? null : issued.toInstant(),
				rs.getDate("due_date").toLocalDate(), paid == null ? null : paid.toInstant(),
				rs.getObject("order_id", Long.class), rs.getObject("subscription_id", Long.class),
				localDate(rs.getDate("period_start")), rs.getBoolean("prices_include_tax"),
				new Invoice.Party(rs.getString("customer_name"), rs.getString("customer_email"), null,
						rs.getString("customer_country"), rs.getString("customer_tax_id")),
				new Invoice.Party(rs.getString("business_name"), null, rs.getString("business_address"), null,
						rs.getString("business_tax_id")),
				List.of());
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static LocalDate localDate(Date d) {
		return d == null ? null : d.toLocalDate();
	}

}
