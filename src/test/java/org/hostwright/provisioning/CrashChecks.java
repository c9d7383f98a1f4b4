package org.hostwright.provisioning;

import java.util.List;

import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.States;
import org.hostwright.sandbox.WebuzoSimulator;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for every paid order once the crash tests' nodes have recovered. */
final class CrashChecks {

	private CrashChecks() {
	}

	/**
	 * One service per order, active, its order active too, one panel account per service
	 * (none created twice), and the payment applied once in the payment events.
	 */
	static void everyPaidOrderHasOneActiveServiceAndOneAccount(JdbcClient jdbc, WebuzoSimulator panel,
			List<OrderView> orders) {
		for (OrderView order : orders) {
			List<HostingService> services = jdbc
				.sql("SELECT " + ServiceStore.COLUMNS + " FROM services WHERE order_id = ?")
				.param(order.id())
				.query(ServiceStore::service)
				.list();
			assertThat(services).as("services of order %s", order.domain()).hasSize(1);
			HostingService service = services.get(0);
			assertThat(service.status()).as(order.domain()).isEqualTo(ServiceStatus.ACTIVE);
			assertThat(panel.countByDomain(order.domain())).as("panel accounts for %s", order.domain()).isEqualTo(1);
			assertThat(panel.account(service.panelUsername())).as(order.domain())
				.hasValueSatisfying(a -> assertThat(a.domain()).isEqualTo(order.domain()));
			assertThat(
					jdbc.sql("SELECT status FROM orders WHERE id = ?").param(order.id()).query(String.class).single())
				.as("order %s", order.domain())
				.isEqualTo(OrderStatus.ACTIVE.wire());
			assertThat(jdbc.sql("SELECT outcome FROM payment_events WHERE order_id = ?")
				.param(order.id())
				.query(String.class)
				.list()).as("payment events of %s", order.domain()).containsExactly("applied");
		}
		assertThat(panel.accounts()).as("accounts on the panel").hasSize(orders.size());
	}

	/**
	 * The crash cost no attempt: each service made {@code attempts} attempts (the ones
	 * the panel itself refused), the step log never counts beyond them, and nothing is
	 * left as an error.
	 */
	static void noAttemptLost(JdbcClient jdbc, List<OrderView> orders, int attempts) {
		for (OrderView order : orders) {
			HostingService service = jdbc.sql("SELECT " + ServiceStore.COLUMNS + " FROM services WHERE order_id = ?")
				.param(order.id())
				.query(ServiceStore::service)
				.single();
			assertThat(service.attempts()).as("attempts of %s", order.domain()).isEqualTo(attempts);
			assertThat(service.lastError()).as(order.domain()).isNull();
			List<String> log = stepLog(jdbc, order.id());
			assertThat(log).as(order.domain())
				.noneMatch(m -> m.contains("attempt " + (attempts + 1)))
				.noneMatch(m -> m.contains("attempt 4 of 3"))
				.noneMatch(m -> m.contains("no attempt left"));
		}
	}

	/**
	 * Every order has its service and none is still in progress (active or given up: the
	 * checks tell which), and no OrderPaid listener is left to run.
	 */
	static boolean settled(JdbcClient jdbc, List<OrderView> orders) {
		for (OrderView order : orders) {
			List<String> statuses = jdbc.sql("SELECT status FROM services WHERE order_id = ?")
				.param(order.id())
				.query(String.class)
				.list();
			if (statuses.isEmpty()
					|| statuses.stream().anyMatch(s -> States.fromColumn(ServiceStatus.class, s).inProgress())) {
				return false;
			}
		}
		return incompleteOrderPaid(jdbc) == 0;
	}

	/**
	 * Waits until {@link #settled}; when that does not come, says where each order got
	 * stuck.
	 */
	static void awaitSettled(JdbcClient jdbc, List<OrderView> orders, java.time.Duration atMost) {
		try {
			org.awaitility.Awaitility.await()
				.atMost(atMost)
				.pollInterval(java.time.Duration.ofMillis(100))
				.until(() -> settled(jdbc, orders));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			StringBuilder state = new StringBuilder("not settled within " + atMost + ":");
			for (OrderView order : orders) {
				state.append("\n")
					.append(order.domain())
					.append(": services ")
					.append(jdbc.sql("SELECT id, status, attempts, claimed_until FROM services WHERE order_id = ?")
						.param(order.id())
						.query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getInt(3) + "/"
								+ rs.getTimestamp(4))
						.list())
					.append(", log ")
					.append(stepLog(jdbc, order.id()));
			}
			state.append("\njobs ")
				.append(jdbc.sql(
						"SELECT task_instance, picked, execution_time, last_heartbeat, consecutive_failures FROM scheduled_tasks WHERE task_name = ?")
					.param(ProvisioningJobs.PROVISION)
					.query((rs, n) -> rs.getString(1) + " picked=" + rs.getBoolean(2) + " at " + rs.getTimestamp(3)
							+ " beat " + rs.getTimestamp(4) + " failures " + rs.getInt(5))
					.list());
			state.append("\nincomplete publications ")
				.append(jdbc.sql(
						"SELECT listener_id, publication_date, status, completion_attempts, last_resubmission_date FROM event_publication WHERE completion_date IS NULL")
					.query((rs, n) -> "\n  " + rs.getString(1) + " published " + rs.getTimestamp(2) + " "
							+ rs.getString(3) + ", " + rs.getInt(4) + " resubmissions, last " + rs.getTimestamp(5))
					.list());
			// where the application's threads are (a listener or job that never returns)
			Thread.getAllStackTraces().forEach((thread, stack) -> {
				if (java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.hostwright."))) {
					state.append("\nthread ").append(thread.getName()).append(":");
					java.util.Arrays.stream(stack).limit(40).forEach(f -> state.append("\n  ").append(f));
				}
			});
			throw new AssertionError(state.toString(), ex);
		}
	}

	/** OrderPaid publications whose listener has not completed. */
	static long incompleteOrderPaid(JdbcClient jdbc) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE ?")
			.param("%OrderPaid")
			.query(Long.class)
			.single();
	}

	/** The service's step log, oldest first, steps and messages together. */
	static List<String> stepLog(JdbcClient jdbc, long orderId) {
		return jdbc.sql("SELECT step, success, message FROM provisioning_logs WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query((rs, n) -> rs.getString(1) + (rs.getBoolean(2) ? " ok: " : " not ok: ") + rs.getString(3))
			.list();
	}

	static long failedAttempts(JdbcClient jdbc, long orderId) {
		return stepLog(jdbc, orderId).stream().filter(m -> m.startsWith("attempt_failed")).count();
	}

}
