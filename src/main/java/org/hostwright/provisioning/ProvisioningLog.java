package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads the step log of services (request and response already stripped of secrets). */
@Repository
class ProvisioningLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProvisioningLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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

	private void write(HostingService s, String step, boolean success, String message, String request, String response,
			Long millis) {
		jdbc.sql("""
				INSERT INTO provisioning_logs (service_id, order_id, customer_id, step, success, message, request, response, duration_ms, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.orderId(), s.customerId(), step, success, cut(message, 1000), request, response, millis,
					Timestamp.from(Instant.now(clock)))
			.update();
	}

	List<ProvisioningLogEntry> of(long serviceId, int limit) {
		return jdbc.sql("SELECT id, service_id, step, success, message, request, response, duration_ms, created_at FROM provisioning_logs WHERE service_id = ? ORDER BY id DESC LIMIT " + limit)
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
