package org.hostwright.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.Jobs;
import org.hostwright.provisioning.PanelGate.Hold;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.provisioning.CrashRig.customer;
import static org.hostwright.provisioning.CrashRig.domain;
import static org.hostwright.provisioning.CrashRig.jdbc;
import static org.hostwright.provisioning.CrashRig.pay;

/**
 * Two application instances on one database; customers pay on one of them, and it dies
 * (as kill -9 leaves it: connections cut, panel calls unanswered) while
 * <ul>
 * <li>provisioning jobs it picked are at the panel: two accounts created there but not
 * yet recorded, two calls that never arrived (one of them for a customer's second
 * service);</li>
 * <li>payments it committed still wait for their {@code OrderPaid} listener, two of them
 * already resubmitted by its own resubmission job.</li>
 * </ul>
 * The other node finishes everything within seconds: every paid order ends with exactly
 * one active service and one panel account, and the crash costs no attempt. The database
 * is a fresh PostgreSQL database when SPRING_DATASOURCE_URL names PostgreSQL (as in CI),
 * else an in-memory H2 both nodes reach by its URL: the test runs the same on both.
 */
class TwoNodesCrashTests {

	@Test
	void whenANodeDiesMidFlowTheOtherTurnsEveryPaidOrderIntoOneActiveService() throws Exception {
		try (CrashRig rig = CrashRig.start("two-nodes-crash")) {
			ConfigurableApplicationContext survivor = rig.node(false);
			ConfigurableApplicationContext doomed = rig.node(true);
			// until the crash only the doomed node runs jobs, so everything in flight is
			// its own (the survivor still serves, listens and commits)
			survivor.getBean(Jobs.class).stop();

			List<OrderView> atThePanel = new ArrayList<>();
			List<Hold> holds = List.of(Hold.AFTER_PANEL, Hold.BEFORE_PANEL, Hold.AFTER_PANEL, Hold.BEFORE_PANEL);
			long twice = customer(doomed, "Amina Twice");
			for (int i = 0; i < holds.size(); i++) {
				String domain = domain("crash-" + i + "-");
				rig.gate.hold(domain, holds.get(i));
				long buyer = i >= 2 ? twice : customer(doomed, "Baraka " + i);
				atThePanel.add(pay(doomed, buyer, domain));
			}
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> rig.gate.heldSoFar() == holds.size());

			rig.holdListeners(doomed);
			JdbcClient jdbc = jdbc(survivor);
			List<OrderView> unheard = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				unheard.add(pay(doomed, customer(doomed, "Chausiku " + i), domain("unheard-" + i + "-")));
			}
			// what a freeze of the machine once let happen: the doomed node's own
			// resubmission job (older than 2 s) takes these two publications, marks them
			// resubmitted and queues their listeners behind the held one, then the node
			// dies. Spring Modulith never resubmits a publication marked so: the survivor
			// must see that nobody is running it.
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> resubmittedOrderPaid(jdbc) == 2);
			// and one the dead node never resubmitted
			unheard.add(pay(doomed, customer(doomed, "Chausiku 2"), domain("unheard-2-")));
			// time enough for a listener that was not held to run
			Thread.sleep(500);
			for (OrderView order : unheard) {
				assertThat(serviceCount(jdbc, order.id())).as("no service before the listener ran").isZero();
			}
			assertThat(incompleteOrderPaid(jdbc)).as("payments committed, listeners waiting").isEqualTo(3);

			long killed = System.nanoTime();
			rig.kill(doomed);
			// the survivor's jobs run again (its start includes the dead node's shutdown,
			// an upper bound)
			survivor.getBean(Jobs.class).start();

			List<OrderView> all = new ArrayList<>(atThePanel);
			all.addAll(unheard);
			CrashChecks.awaitSettled(jdbc, all, Duration.ofSeconds(60));
			Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
			System.out
				.println("TwoNodesCrashTests: every paid order settled " + recovery.toMillis() + " ms after the kill");

			CrashChecks.everyPaidOrderHasOneActiveServiceAndOneAccount(jdbc, rig.panel, all);
			CrashChecks.noAttemptLost(jdbc, all, 1);
			for (int i = 0; i < atThePanel.size(); i++) {
				List<String> log = CrashChecks.stepLog(jdbc, atThePanel.get(i).id());
				assertThat(log).as("order %d", i).anyMatch(m -> m.contains("resuming attempt 1 of 3"));
				if (holds.get(i) == Hold.AFTER_PANEL) {
					assertThat(log).as("order %d", i)
						.anyMatch(m -> m.contains("already exists with this service's domain and e-mail"));
				}
			}
			assertThat(jdbc.sql("SELECT COUNT(DISTINCT panel_username) FROM services WHERE customer_id = ?")
				.param(twice)
				.query(Long.class)
				.single()).as("two services of one customer, two panel users").isEqualTo(2);
		}
	}

	static long serviceCount(JdbcClient jdbc, long orderId) {
		return jdbc.sql("SELECT COUNT(*) FROM services WHERE order_id = ?").param(orderId).query(Long.class).single();
	}

	static long incompleteOrderPaid(JdbcClient jdbc) {
		return CrashChecks.incompleteOrderPaid(jdbc);
	}

	/** Incomplete OrderPaid publications that some node has resubmitted. */
	static long resubmittedOrderPaid(JdbcClient jdbc) {
		return jdbc.sql(
				"SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE ? AND completion_attempts > 0")
			.param("%OrderPaid")
			.query(Long.class)
			.single();
	}

}
