package org.hostwright.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostwright.platform.States;

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
	 * Stores a pending attempt. At most one attempt per order is pending (unique
	 * pending_order_id): a second one fails with a DuplicateKeyException.
	 */
	long insertPending(long orderId, String gatewayOrderId, String gateway, String provider, String phone,
			long amountMinor, String currency, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO payment_attempts (order_id, gateway_order_id, gateway, provider, phone, amount_minor, currency,
						  status, pending_order_id, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(orderId, gatewayOrderId, gateway, provider, phone, amountMinor, currency,
					AttemptStatus.PENDING.wire(), orderId, Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Stores a pending attempt that pays an invoice; at most one is pending per invoice
	 * (unique key).
	 */
	long insertPendingForInvoice(long invoiceId, String gatewayOrderId, String gateway, String provider, String phone,
			long amountMinor, String currency, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO payment_attempts (invoice_id, gateway_order_id, gateway, provider, phone, amount_minor, currency,
						  status, pending_invoice_id, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(invoiceId, gatewayOrderId, gateway, provider, phone, amountMinor, currency,
					AttemptStatus.PENDING.wire(), invoiceId, Timestamp.from(now), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<PaymentAttempt> latestOfInvoice(long invoiceId) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM payment_attempts WHERE invoice_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
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
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE id = ?")
			.param(id)
			.query(PaymentAttempts::row)
			.optional();
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

	/**
	 * Locks the attempt of a gateway order id, if there is one (before its order: the
	 * module's lock order).
	 */
	Optional<PaymentAttempt> lockByGatewayOrderId(String gatewayOrderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE gateway_order_id = ? FOR UPDATE")
			.param(gatewayOrderId)
			.query(PaymentAttempts::row)
			.optional();
	}

	/**
	 * Locks the attempts of these gateway order ids, in id order (every batch locks in
	 * the same order, so two batches on two nodes cannot deadlock), by gateway order id.
	 */
	Map<String, PaymentAttempt> lockByGatewayOrderIds(Collection<String> gatewayOrderIds) {
		if (gatewayOrderIds.isEmpty()) {
			return Map.of();
		}
		Map<String, PaymentAttempt> found = new HashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE gateway_order_id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", List.copyOf(gatewayOrderIds))
			.query(PaymentAttempts::row)
			.list()
			.forEach(a -> found.put(a.gatewayOrderId(), a));
		return found;
	}

	Optional<PaymentAttempt> pendingOf(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE pending_order_id = ?")
			.param(orderId)
			.query(PaymentAttempts::row)
			.optional();
	}

	Optional<PaymentAttempt> latestOf(long orderId) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM payment_attempts WHERE order_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
			.param(orderId)
			.query(PaymentAttempts::row)
			.optional();
	}

	List<PaymentAttempt> ofOrder(long orderId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? ORDER BY created_at DESC, id DESC")
			.param(orderId)
			.query(PaymentAttempts::row)
			.list();
	}

	/**
	 * Pending attempts, least recently checked first, so a large backlog is visited in
	 * turn.
	 */
	/**
	 * A pending attempt: its id, gateway order id and when it was last checked (null:
	 * never).
	 */
	record Pending(long id, String gatewayOrderId, Instant createdAt, Instant lastCheckedAt) {

		/**
		 * Whether to ask the gateway now: not asked since {@code since}, and begun before
		 * it, so an attempt waits a whole reconciliation interval for its webhook before
		 * its first status check.
		 */
		boolean uncheckedSince(Instant since) {
			return (lastCheckedAt != null ? lastCheckedAt : createdAt).isBefore(since);
		}

	}

	/**
	 * Pending attempts after {@code afterId}, in id order (keyset pages). A pending
	 * attempt is the one with {@code pending_order_id} set, which its unique index finds
	 * without reading any status.
	 */
	List<Pending> pendingAfter(long afterId, int limit) {
		return jdbc
			.sql("SELECT id, gateway_order_id, created_at, last_checked_at FROM payment_attempts "
					+ "WHERE pending_order_id IS NOT NULL AND id > ? ORDER BY id LIMIT " + limit)
			.param(afterId)
			.query((rs, n) -> {
				Timestamp checked = rs.getTimestamp("last_checked_at");
				return new Pending(rs.getLong("id"), rs.getString("gateway_order_id"),
						rs.getTimestamp("created_at").toInstant(), checked == null ? null : checked.toInstant());
			})
			.list();
	}

	void checked(long id, Instant now) {
		jdbc.sql("UPDATE payment_attempts SET last_checked_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void message(long id, String message, Instant now) {
		jdbc.sql("UPDATE payment_attempts SET message = ?, updated_at = ? WHERE id = ?")
			.params(truncate(message), Timestamp.from(now), id)
			.update();
	}

	/**
	 * Moves the (locked) attempt out of pending; the machine refuses an illegal move
	 * before anything changes.
	 */
	void finish(PaymentAttempt attempt, AttemptStatus target, String reference, String channel, String message,
			Instant now) {
		String status = attempt.status().checkMoveTo(target).wire();
		jdbc.sql(
				"""
						UPDATE payment_attempts SET status = ?, pending_order_id = NULL, pending_invoice_id = NULL, gateway_reference = COALESCE(?, gateway_reference),
						  channel = COALESCE(?, channel), message = COALESCE(?, message), updated_at = ?,
						  completed_at = COALESCE(?, completed_at)
						WHERE id = ?""")
			.params(status, reference, channel, truncate(message), Timestamp.from(now),
					target == AttemptStatus.COMPLETED ? Timestamp.from(now) : null, attempt.id())
			.update();
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 500 ? s : s.substring(0, 500);
	}

	static PaymentAttempt row(ResultSet rs, int n) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new PaymentAttempt(rs.getLong("id"), rs.getObject("order_id", Long.class),
				rs.getString("gateway_order_id"), rs.getString("gateway"), rs.getString("provider"),
				rs.getString("phone"), rs.getLong("amount_minor"), rs.getString("currency"),
				States.fromColumn(AttemptStatus.class, rs.getString("status")), rs.getString("gateway_reference"),
				rs.getString("channel"), rs.getString("message"), rs.getTimestamp("created_at").toInstant(),
				completed == null ? null : completed.toInstant(), rs.getObject("invoice_id", Long.class));
	}

}
