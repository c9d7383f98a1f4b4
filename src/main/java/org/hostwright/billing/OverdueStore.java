package org.hostwright.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The invoices each overdue step would act on, and the billing_actions rows that make
 * each action happen once. The preview and the run read the same {@link #candidates}
 * query.
 */
@Repository
class OverdueStore {

	static final String DONE = "done";

	static final String SKIPPED = "skipped";

	/** {@code invoices.purpose} of a plan upgrade's invoice. */
	static final String UPGRADE = "upgrade";

	/**
	 * Which invoices a step acts on: their status, a condition on {@code i} (invoice),
	 * {@code s} (its subscription) and {@code p} (the customer's billing profile), its
	 * parameters, and the action that must not exist yet.
	 */
	record Selection(ActionKind kind, int step, InvoiceStatus status, String condition, Map<String, Object> params) {
	}

	private static final String SELECT = """
			SELECT i.id, i.number, i.customer_id, i.total_minor - i.amount_paid_minor, i.currency, i.due_date,
			  s.source_kind, s.source_id, s.description
			FROM invoices i
			LEFT JOIN billing_subscriptions s ON s.id = i.subscription_id
			LEFT JOIN billing_profiles p ON p.customer_id = i.customer_id
			WHERE i.status = :status AND i.order_id IS NULL AND (i.purpose IS NOT NULL) = :upgrades AND %s
			  AND (%s)
			  AND NOT EXISTS (SELECT 1 FROM billing_actions a WHERE a.invoice_id = i.id AND a.kind = :kind AND a.step = :step)
			ORDER BY i.due_date, i.id LIMIT %d""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	OverdueStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Up to {@code limit} invoices of the selection after {@code after} (null: from the
	 * first), by due date then id: the order of the {@code (status, due_date, id)}
	 * indexes (and of V41_2's partial index of the renewals on PostgreSQL), so the
	 * database reads only the due dates the selection bounds. Read by id, PostgreSQL
	 * walked the primary key through every invoice (over a million on the bench: 3.1 s
	 * for one page of reminders) whenever it expected the matches to come early.
	 */
	List<OverdueItem> candidates(Selection selection, OverdueItem after, int limit) {
		String from = after == null ? "1 = 1" : "(i.due_date, i.id) > (:afterDue, :after)";
		var spec = jdbc.sql(SELECT.formatted(from, selection.condition(), Math.max(1, limit)))
			.param("hosting", StartSubscription.HOSTING)
			.param("status", selection.status().wire())
			// an upgrade's invoice only ever lapses; the other steps leave it alone
			.param("upgrades", selection.kind() == ActionKind.UPGRADE_LAPSE)
			.param("kind", selection.kind().wire())
			.param("step", selection.step());
		for (Map.Entry<String, Object> p : selection.params().entrySet()) {
			spec = spec.param(p.getKey(), p.getValue() instanceof LocalDate d ? Date.valueOf(d) : p.getValue());
		}
		if (after != null) {
			spec = spec.param("after", after.invoiceId()).param("afterDue", Date.valueOf(after.dueDate()));
		}
		int step = selection.step();
		return spec
			.query((rs, n) -> new OverdueItem(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), (Long) rs.getObject(8, Long.class),
					rs.getString(9), step))
			.list();
	}

	/** The first and the last of some due dates. */
	record DueDates(LocalDate first, LocalDate last) {
	}

	/**
	 * The due dates of the paid invoices whose non-payment suspended a service not yet
	 * restored (kind {@code restoration}); empty when there are none. Read from the
	 * suspensions, which are few next to the paid invoices.
	 */
	Optional<DueDates> toRestore() {
		return jdbc
			.sql("""
					SELECT MIN(j.due_date), MAX(j.due_date) FROM billing_actions y JOIN invoices j ON j.id = y.invoice_id
					WHERE y.kind = :suspension AND y.outcome = :done AND j.status = :paid AND j.order_id IS NULL
					  AND NOT EXISTS (SELECT 1 FROM billing_actions r WHERE r.invoice_id = y.invoice_id AND r.kind = :restoration)""")
			.param("suspension", ActionKind.SUSPENSION.wire())
			.param("done", DONE)
			.param("paid", InvoiceStatus.PAID.wire())
			.param("restoration", ActionKind.RESTORATION.wire())
			.query((rs, n) -> rs.getDate(1) == null ? Optional.<DueDates>empty()
					: Optional.of(new DueDates(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate())))
			.single();
	}

	/** The invoice is an upgrade's price difference. */
	void markUpgrade(long invoiceId) {
		jdbc.sql("UPDATE invoices SET purpose = ? WHERE id = ?").params(UPGRADE, invoiceId).update();
	}

	boolean exists(long invoiceId, ActionKind kind, int step) {
		return jdbc.sql("SELECT COUNT(*) FROM billing_actions WHERE invoice_id = ? AND kind = ? AND step = ?")
			.params(invoiceId, kind.wire(), step)
			.query(Integer.class)
			.single() > 0;
	}

	/** The invoices among the ids that already have the action (kind and step). */
	Set<Long> existing(Collection<Long> invoiceIds, ActionKind kind, int step) {
		if (invoiceIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc
			.sql("SELECT invoice_id FROM billing_actions WHERE invoice_id IN (:ids) AND kind = :kind AND step = :step")
			.param("ids", List.copyOf(invoiceIds))
			.param("kind", kind.wire())
			.param("step", step)
			.query(Long.class)
			.list());
	}

	/** An action done on an item, to be recorded with others ({@link #recordAll}). */
	record Done(OverdueItem item, String outcome) {
	}

	/**
	 * Writes the actions' keys in one batch; a key another writer wrote first fails the
	 * batch (DuplicateKeyException), and its transaction rolls back.
	 */
	void recordAll(List<Done> done, ActionKind kind, LocalDate date, Instant now) {
		if (done.isEmpty()) {
			return;
		}
		Date day = Date.valueOf(date);
		Timestamp at = Timestamp.from(now);
		batch.batchUpdate("""
				INSERT INTO billing_actions (invoice_id, kind, step, service_id, outcome, run_date, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""",
				done.stream()
					.map(d -> new Object[] { d.item().invoiceId(), kind.wire(), d.item().step(), d.item().serviceId(),
							d.outcome(), day, at })
					.toList(),
				new int[] { Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.VARCHAR, Types.DATE,
						Types.TIMESTAMP });
	}

	/**
	 * Writes the action's key; a second writer gets a DuplicateKeyException and its
	 * transaction rolls back.
	 */
	void record(OverdueItem item, ActionKind kind, String outcome, LocalDate date, Instant now) {
		jdbc.sql("""
				INSERT INTO billing_actions (invoice_id, kind, step, service_id, outcome, run_date, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(item.invoiceId(), kind.wire(), item.step(), item.serviceId(), outcome, Date.valueOf(date),
					Timestamp.from(now))
			.update();
	}

	/** Adds the late fee as a line of the invoice (no tax on it) and to its totals. */
	void addFee(long invoiceId, String description, long fee) {
		jdbc.sql(
				"""
						INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_minor, tax_rate_bp, tax_minor,
						  total_minor)
						SELECT ?, COALESCE(MAX(position), 0) + 1, ?, 1, ?, 0, 0, ? FROM invoice_lines WHERE invoice_id = ?""")
			.params(invoiceId, description, fee, fee, invoiceId)
			.update();
		jdbc.sql("UPDATE invoices SET subtotal_minor = subtotal_minor + ?, total_minor = total_minor + ? WHERE id = ?")
			.params(fee, fee, invoiceId)
			.update();
	}

	/**
	 * The terminated services are not renewed again (the subscriptions the invoices
	 * renew).
	 */
	void endSubscriptions(Collection<Long> invoiceIds, Instant now) {
		if (invoiceIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE billing_subscriptions SET status = :cancelled, updated_at = :now
				WHERE id IN (SELECT subscription_id FROM invoices WHERE id IN (:invoices))""")
			.param("cancelled", "cancelled")
			.param("now", Timestamp.from(now))
			.param("invoices", List.copyOf(invoiceIds))
			.update();
	}

	OverdueSummary summary(LocalDate today) {
		Map<String, Long> owed = new java.util.TreeMap<>();
		long[] count = new long[1];
		jdbc.sql("""
				SELECT currency, COUNT(*), SUM(total_minor - amount_paid_minor) FROM invoices
				WHERE status = ? AND due_date < ? GROUP BY currency""")
			.params(InvoiceStatus.UNPAID.wire(), Date.valueOf(today))
			.query((rs, n) -> {
				count[0] += rs.getLong(2);
				return owed.put(rs.getString(1), rs.getLong(3));
			})
			.list();
		long suspended = jdbc.sql("""
				SELECT COUNT(*) FROM billing_actions a JOIN invoices i ON i.id = a.invoice_id
				WHERE a.kind = ? AND a.outcome = ? AND i.status = ?""")
			.params(ActionKind.SUSPENSION.wire(), DONE, InvoiceStatus.UNPAID.wire())
			.query(Long.class)
			.single();
		return new OverdueSummary(count[0], owed, suspended);
	}

	/**
	 * Whether an unpaid invoice holds a suspension (done) of one of these services of the
	 * kind: a site with several client services stays suspended until every invoice that
	 * suspended it is paid.
	 */
	boolean holdsSuspension(String kind, Collection<Long> serviceIds) {
		if (serviceIds.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				SELECT COUNT(*) FROM billing_actions a JOIN invoices i ON i.id = a.invoice_id
				JOIN billing_subscriptions s ON s.id = i.subscription_id
				WHERE a.kind = :suspension AND a.outcome = :done AND i.status = :unpaid AND s.source_kind = :kind
				  AND a.service_id IN (:ids)""")
			.param("suspension", ActionKind.SUSPENSION.wire())
			.param("done", DONE)
			.param("unpaid", InvoiceStatus.UNPAID.wire())
			.param("kind", kind)
			.param("ids", List.copyOf(serviceIds))
			.query(Long.class)
			.single() > 0;
	}

	/** The customer's services suspended for an invoice still unpaid. */
	List<ServiceSuspension> suspensionsOf(long customerId) {
		return jdbc.sql("""
				SELECT a.service_id, s.description, i.id, i.number, i.total_minor - i.amount_paid_minor, i.currency
				FROM billing_actions a JOIN invoices i ON i.id = a.invoice_id
				LEFT JOIN billing_subscriptions s ON s.id = i.subscription_id
				WHERE i.customer_id = ? AND a.kind = ? AND a.outcome = ? AND i.status = ? ORDER BY i.due_date""")
			.params(customerId, ActionKind.SUSPENSION.wire(), DONE, InvoiceStatus.UNPAID.wire())
			.query((rs, n) -> new ServiceSuspension(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getLong(5), rs.getString(6)))
			.list();
	}

}
