package org.hostwright.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The payment_attempts table. */
@Repository
class PaymentAttempts {

	private static final String COLUMNS = "id, order_id, invoice_id, gateway_order_id, gateway, provider, phone, amount_minor, currency, status, gateway_reference, channel, message, created_at, completed_at";

	private final JdbcClient jdbc;

	PaymentAttempts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a pending attempt. At most one attempt per order is pending (unique pending_order_id):
	 * a second one fails with a DuplicateKeyException.
	 */
	long insertPending(long orderId, String gatewayOrderId, String gateway, String provider, String phone,
			long amountMinor, String currency, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO payment_attempts (order_id, gateway_order_id, gateway, provider, phone, amount_minor, currency,
				  status, pending_order_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
			.params(orderId, gatewayOrderId, gateway, provider, phone, amountMinor, currency, orderId, Timestamp.from(now),
					Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Stores a pending attempt that pays an invoice; at most one is pending per invoice (unique key). */
	long insertPendingForInvoice(long invoiceId, String gatewayOrderId, String gateway, String provider, String phone,
			long amountMinor, String currency, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO payment_attempts (invoice_id, gateway_order_id, gateway, provider, phone, amount_minor, currency,
				  status, pending_invoice_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
			.params(invoiceId, gatewayOrderId, gateway, provider, phone, amountMinor, currency, invoiceId, Timestamp.from(now),
					Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<PaymentAttempt> latestOfInvoice(long invoiceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE invoice_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
			.param(invoiceId)
			.query(PaymentAttempts::row)
			.optional();
	}

	Optional<PaymentAttempt> pendingOfInvoice(long invoiceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE pending_invoice_id = ?")
			.param(invoiceId)
			.query(PaymentAttempts::row)
			.optional();
	}

	Optional<PaymentAttempt> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE id = ?").param(id).query(PaymentAttempts::row).optional();
	}

	Optional<PaymentAttempt> findByGatewayOrderId(String gatewayOrderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE gateway_order_id = ?")
			.param(gatewayOrderId)
			.query(PaymentAttempts::row)
			.optional();
	}

	/** Locks the attempt's row for the rest of the transaction, so it is applied once. */
	Optional<PaymentAttempt> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PaymentAttempts::row)
			.optional();
	}

	Optional<PaymentAttempt> pendingOf(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE pending_order_id = ?")
			.param(orderId)
			.query(PaymentAttempts::row)
			.optional();
	}

	Optional<PaymentAttempt> latestOf(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
			.param(orderId)
			.query(PaymentAttempts::row)
			.optional();
	}

	List<PaymentAttempt> ofOrder(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? ORDER BY created_at DESC, id DESC")
			.param(orderId)
			.query(PaymentAttempts::row)
			.list();
	}

	/** Pending attempts, least recently checked first, so a large backlog is visited in turn. */
	List<PaymentAttempt> pending(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE status = 'PENDING' "
				+ "ORDER BY last_checked_at NULLS FIRST, created_at LIMIT " + limit)
			.query(PaymentAttempts::row)
			.list();
	}

	void checked(long id, Instant now) {
		jdbc.sql("UPDATE payment_attempts SET last_checked_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	void message(long id, String message, Instant now) {
		jdbc.sql("UPDATE payment_attempts SET message = ?, updated_at = ? WHERE id = ?")
			.params(truncate(message), Timestamp.from(now), id)
			.update();
	}

	/** Moves the attempt out of PENDING (the caller checked the transition). */
	void finish(long id, AttemptStatus status, String reference, String channel, String message, Instant now) {
		jdbc.sql("""
				UPDATE payment_attempts SET status = ?, pending_order_id = NULL, pending_invoice_id = NULL, gateway_reference = COALESCE(?, gateway_reference),
				  channel = COALESCE(?, channel), message = COALESCE(?, message), updated_at = ?,
				  completed_at = CASE WHEN ? = 'COMPLETED' THEN ? ELSE completed_at END
				WHERE id = ?""")
			.params(status.name(), reference, channel, truncate(message), Timestamp.from(now), status.name(),
					Timestamp.from(now), id)
			.update();
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 500 ? s : s.substring(0, 500);
	}

	static PaymentAttempt row(ResultSet rs, int n) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new PaymentAttempt(rs.getLong("id"), rs.getObject("order_id", Long.class), rs.getString("gateway_order_id"),
				rs.getString("gateway"), rs.getString("provider"), rs.getString("phone"), rs.getLong("amount_minor"),
				rs.getString("currency"), AttemptStatus.valueOf(rs.getString("status")), rs.getString("gateway_reference"),
				rs.getString("channel"), rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
				completed == null ? null : completed.toInstant(), rs.getObject("invoice_id", Long.class));
	}

}
