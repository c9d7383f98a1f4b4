package org.hostwright.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hostwright.platform.SandboxClock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts the sandbox clock back after a test moved it. db-scheduler runs on the platform's
 * clock, so a job rescheduled while the clock was moved (the payment reconciliation's
 * fixed delay, the daily digests) is due days ahead in real time: those executions are
 * moved back by the same offset, or later tests would wait for jobs that never come. Only
 * tests do this: in a sandbox the clock only ever moves forward.
 */
public final class SandboxClocks {

	private SandboxClocks() {
	}

	public static void putBack(Clock clock, JdbcClient jdbc) {
		SandboxClock sandbox = (SandboxClock) clock;
		Duration offset = sandbox.offset();
		sandbox.reset();
		if (offset.isZero()) {
			return;
		}
		Instant now = Instant.now();
		record Due(String task, String instance, Instant at) {
		}
		List<Due> ahead = jdbc.sql(
				"SELECT task_name, task_instance, execution_time FROM scheduled_tasks WHERE picked = FALSE AND execution_time > ?")
			.param(Timestamp.from(now.plus(Duration.ofMinutes(10))))
			.query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
		for (Due due : ahead) {
			Instant back = due.at().minus(offset);
			jdbc.sql(
					"UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance = ? AND picked = FALSE")
				.params(Timestamp.from(back.isBefore(now) ? now : back), due.task(), due.instance())
				.update();
		}
	}

}
