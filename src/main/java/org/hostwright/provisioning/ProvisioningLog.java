package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads the step log of services (request and response already stripped of
 * secrets).
 */
@Repository
class ProvisioningLog {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Clock clock;

	ProvisioningLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/** A successful step of each service, with its message, in one batch. */
	void steps(List<HostingService> services, String step, List<String> messages) {
		if (services.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now(clock));
		List<Object[]> rows = new ArrayList<>(services.size());
		for (int k = 0; k < services.size(); k++) {
			HostingService s = services.get(k);
			rows.add(new Object[] { s.id(), s.orderId(), s.customerId(), step, true, cut(messages.get(k), 1000), now });
		}
		batch.batchUpdate("""
				INSERT INTO provisioning_logs (service_id, order_id, customer_id, step, success, message, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, new int[] { Types.BIGINT, Types.BIGINT, Types.BIGINT,
				Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.TIMESTAMP });
	}

	void step(HostingService s, String step, boolean success, String message) {
		write(s, step, success, message, null, null, null);
	}

	void exchange(HostingService s, PanelExchange e) {
		write(s, e.action(), e.success(), null, e.request(), e.response(), e.millis());
	}

	void exchanges(HostingService s, List<PanelExchange> all) {
		all.forEach(e -> exchange(s, e));
	}

	/**
	 * A panel call about to be made, committed before it is made (callers are outside any
	 * transaction): if the node dies during the call, the log still shows it was made.
	 * @return the row's id, for {@link #finished}
	 */
	long calling(HostingService s, String step, String request) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO provisioning_logs (service_id, order_id, customer_id, step, success, message, request, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.orderId(), s.customerId(), step, false, "called; no answer recorded (the run stopped)",
					request, Timestamp.from(Instant.now(clock)))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Completes the row of a call with its outcome. */
	void finished(long rowId, PanelExchange e) {
		jdbc.sql(
				"UPDATE provisioning_logs SET success = ?, message = NULL, request = ?, response = ?, duration_ms = ? WHERE id = ?")
			.params(e.success(), e.request(), e.response(), e.millis(), rowId)
			.update();
	}

	private void write(HostingService s, String step, boolean success, String message, String request, String response,
			Long millis) {
		jdbc.sql(
				"""
						INSERT INTO provisioning_logs (service_id, order_id, customer_id, step, success, message, request, response, duration_ms, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.orderId(), s.customerId(), step, success, cut(message, 1000), request, response, millis,
					Timestamp.from(Instant.now(clock)))
			.update();
	}

	List<ProvisioningLogEntry> of(long serviceId, int limit) {
		return jdbc.sql(
				"SELECT id, service_id, step, success, message, request, response, duration_ms, created_at FROM provisioning_logs WHERE service_id = ? ORDER BY id DESC LIMIT "
						+ limit)
			.param(serviceId)
			.query((rs, n) -> new ProvisioningLogEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8) == null ? null : rs.getLong(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
