package org.hostwright.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.hostwright.ordering.PaymentEventView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The payment_events table: every raw gateway event, as received. */
@Repository
class PaymentEventLog {

	/**
	 * One event to store; {@code fingerprint} (webhooks only) makes the same delivery
	 * unique.
	 */
	record NewEvent(Long orderId, Long attemptId, String gatewayOrderId, String provider, String eventType,
			String status, String reference, Long amountMinor, String currency, String payload, String fingerprint,
			String outcome) {
	}

	static final String RECEIVED = "received";

	static final String DUPLICATE = "duplicate";

	static final String STILL_PENDING = "still_pending";

	static final String UNCONFIRMED = "unconfirmed";

	private static final String INSERT = """
			INSERT INTO payment_events (order_id, attempt_id, gateway_order_id, provider, event_type, status, reference,
			  amount_minor, currency, payload, fingerprint, outcome, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	PaymentEventLog(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Stores the event; a webhook body seen before fails with a DuplicateKeyException.
	 */
	long insert(NewEvent e, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(INSERT).params(values(e, now)).update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Stores many events in one round trip; a body seen before fails the batch with a
	 * DuplicateKeyException (callers leave out the fingerprints {@link #seen} found).
	 */
	void insertAll(List<NewEvent> events, Instant now) {
		if (!events.isEmpty()) {
			batches.batchUpdate(INSERT, events.stream().map(e -> values(e, now)).toList());
		}
	}

	/** Which of these webhook fingerprints are stored already. */
	Set<String> seen(Collection<String> fingerprints) {
		if (fingerprints.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT fingerprint FROM payment_events WHERE fingerprint IN (:fingerprints)")
			.param("fingerprints", List.copyOf(fingerprints))
			.query(String.class)
			.list());
	}

	private static Object[] values(NewEvent e, Instant now) {
		return new Object[] { e.orderId(), e.attemptId(), cut(e.gatewayOrderId(), 64), e.provider(), e.eventType(),
				cut(e.status(), 32), cut(e.reference(), 120), e.amountMinor(), e.currency(), e.payload(),
				e.fingerprint(), e.outcome(), Timestamp.from(now) };
	}

	/**
	 * Records what became of the webhooks of this attempt that still wait for a final
	 * answer ({@code received}, or a provisional {@code still_pending} /
	 * {@code unconfirmed}): the first one takes the outcome, any later delivery is a
	 * duplicate, so a payment is applied once in the log too. Runs in the transaction
	 * that applies the outcome, so no row stays {@code received} after it.
	 * @return how many rows took the outcome (0 or 1)
	 */
	int settleReceived(String gatewayOrderId, String outcome) {
		Long first = jdbc.sql("SELECT MIN(id) FROM payment_events WHERE gateway_order_id = ? AND outcome IN (?, ?, ?)")
			.params(gatewayOrderId, RECEIVED, STILL_PENDING, UNCONFIRMED)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (first == null) {
			return 0;
		}
		jdbc.sql(
				"UPDATE payment_events SET outcome = ? WHERE gateway_order_id = ? AND outcome IN (?, ?, ?) AND id <> ?")
			.params(DUPLICATE, gatewayOrderId, RECEIVED, STILL_PENDING, UNCONFIRMED, first)
			.update();
		return jdbc.sql("UPDATE payment_events SET outcome = ? WHERE id = ?").params(outcome, first).update();
	}

	List<PaymentEventView> ofOrder(long orderId) {
		return jdbc.sql("""
				SELECT id, provider, event_type, status, reference, amount_minor, currency, outcome, payload, created_at
				FROM payment_events WHERE order_id = ? ORDER BY id""")
			.param(orderId)
			.query((rs, n) -> new PaymentEventView(rs.getLong("id"), rs.getString("provider"),
					rs.getString("event_type"), rs.getString("status"), rs.getString("reference"),
					(Long) rs.getObject("amount_minor", Long.class), rs.getString("currency"), rs.getString("outcome"),
					rs.getString("payload"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	static String fingerprint(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String fingerprint(String body) {
		return fingerprint(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
