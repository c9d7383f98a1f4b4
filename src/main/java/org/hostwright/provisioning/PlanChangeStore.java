package org.hostwright.provisioning;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The plan_changes table, and the plan columns of a service a change rewrites. */
@Repository
class PlanChangeStore {

	private static final String COLUMNS = "id, service_id, customer_id, from_plan_id, to_plan_id, to_package, amount_minor, "
			+ "charge_minor, period_start, period_end, currency, invoice_id, status, attempts, retries, last_error, "
			+ "requested_at, applied_at, cancelled_at";

	private final JdbcClient jdbc;

	PlanChangeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts an open change; the unique index on {@code open_service_id} refuses a
	 * second open one for the service (DuplicateKeyException).
	 */
	long insert(HostingService service, PlanQuote quote, String toPackage, PlanChangeStatus status, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO plan_changes (service_id, customer_id, from_plan_id, to_plan_id, to_package, amount_minor,
				  charge_minor, period_start, period_end, currency, status, open_service_id, attempts, retries,
				  requested_at, updated_at)
				VALUES (:service, :customer, :from, :to, :package, :amount, :charge, :start, :end, :currency, :status,
				  :service, 0, 0, :now, :now)""")
			.param("service", service.id())
			.param("customer", service.customerId())
			.param("from", service.planId())
			.param("to", quote.to().id())
			.param("package", toPackage)
			.param("amount", quote.differenceMinor())
			.param("charge", quote.chargeMinor())
			.param("start", quote.periodStart() == null ? null : Date.valueOf(quote.periodStart()), Types.DATE)
			.param("end", quote.periodEnd() == null ? null : Date.valueOf(quote.periodEnd()), Types.DATE)
			.param("currency", quote.currency())
			.param("status", status.wire())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void attachInvoice(long id, long invoiceId) {
		jdbc.sql("UPDATE plan_changes SET invoice_id = ? WHERE id = ?").params(invoiceId, id).update();
	}

	Optional<PlanChange> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_changes WHERE id = ?")
			.param(id)
			.query(PlanChangeStore::row)
			.optional();
	}

	/**
	 * Locks the change until the transaction ends: every move of a change goes through
	 * this.
	 */
	Optional<PlanChange> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_changes WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PlanChangeStore::row)
			.optional();
	}

	Optional<PlanChange> lockAwaitingInvoice(long invoiceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_changes WHERE invoice_id = ? AND status = ? FOR UPDATE")
			.params(invoiceId, PlanChangeStatus.AWAITING_PAYMENT.wire())
			.query(PlanChangeStore::row)
			.optional();
	}

	/** The service's open change, else its latest one (shown on the service page). */
	Optional<PlanChange> latestOf(long serviceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_changes WHERE service_id = ? ORDER BY id DESC LIMIT 1")
			.param(serviceId)
			.query(PlanChangeStore::row)
			.optional();
	}

	List<PlanChange> ofService(long serviceId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_changes WHERE service_id = ? ORDER BY id DESC LIMIT ?")
			.params(serviceId, limit)
			.query(PlanChangeStore::row)
			.list();
	}

	Optional<PlanChange> openOf(long serviceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plan_changes WHERE open_service_id = ?")
			.param(serviceId)
			.query(PlanChangeStore::row)
			.optional();
	}

	void move(PlanChange c, PlanChangeStatus target, Instant now) {
		jdbc.sql("UPDATE plan_changes SET status = ?, updated_at = ? WHERE id = ?")
			.params(c.status().checkMoveTo(target).wire(), Timestamp.from(now), c.id())
			.update();
	}

	/** Applied: done, and the service's open slot freed for a later change. */
	void markDone(PlanChange c, Instant now) {
		jdbc.sql(
				"UPDATE plan_changes SET status = ?, open_service_id = NULL, last_error = NULL, applied_at = ?, updated_at = ? WHERE id = ?")
			.params(c.status().checkMoveTo(PlanChangeStatus.DONE).wire(), Timestamp.from(now), Timestamp.from(now),
					c.id())
			.update();
	}

	/** Cancelled: the service's open slot freed for another change. */
	void markCancelled(PlanChange c, Instant now) {
		jdbc.sql(
				"UPDATE plan_changes SET status = ?, open_service_id = NULL, cancelled_at = ?, updated_at = ? WHERE id = ?")
			.params(c.status().checkMoveTo(PlanChangeStatus.CANCELLED).wire(), Timestamp.from(now), Timestamp.from(now),
					c.id())
			.update();
	}

	/**
	 * Failed, tried again: applying with a fresh count of attempts, in the next round of
	 * jobs.
	 */
	PlanChange markRetried(PlanChange c, Instant now) {
		jdbc.sql(
				"UPDATE plan_changes SET status = ?, attempts = 0, last_error = NULL, retries = retries + 1, updated_at = ? WHERE id = ?")
			.params(c.status().checkMoveTo(PlanChangeStatus.APPLYING).wire(), Timestamp.from(now), c.id())
			.update();
		return find(c.id()).orElseThrow();
	}

	void attemptFailed(long id, String error, Instant now) {
		jdbc.sql("UPDATE plan_changes SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?")
			.params(error == null ? null : error.substring(0, Math.min(error.length(), 1000)), Timestamp.from(now), id)
			.update();
	}

	/** The service now is on the plan (its slug and panel package with it). */
	void moveService(long serviceId, long planId, String planSlug, String panelPackage, Instant now) {
		jdbc.sql("UPDATE services SET plan_id = ?, plan_slug = ?, panel_package = ?, updated_at = ? WHERE id = ?")
			.params(planId, planSlug, panelPackage, Timestamp.from(now), serviceId)
			.update();
	}

	private static PlanChange row(ResultSet rs, int n) throws SQLException {
		long invoice = rs.getLong("invoice_id");
		Long invoiceId = rs.wasNull() ? null : invoice;
		return new PlanChange(rs.getLong("id"), rs.getLong("service_id"), rs.getLong("customer_id"),
				rs.getLong("from_plan_id"), rs.getLong("to_plan_id"), rs.getString("to_package"),
				rs.getLong("amount_minor"), rs.getLong("charge_minor"), date(rs.getDate("period_start")),
				date(rs.getDate("period_end")), rs.getString("currency"), invoiceId,
				States.fromColumn(PlanChangeStatus.class, rs.getString("status")), rs.getInt("attempts"),
				rs.getInt("retries"), rs.getString("last_error"), rs.getTimestamp("requested_at").toInstant(),
				instant(rs.getTimestamp("applied_at")), instant(rs.getTimestamp("cancelled_at")));
	}

	private static LocalDate date(Date d) {
		return d == null ? null : d.toLocalDate();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
