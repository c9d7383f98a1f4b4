package org.hostwright.provisioning;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.hostwright.ordering.OrderView;
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
 * The only instance dies while provisioning is mid-flight, and a new one starts on the
 * same database. Four paid orders are caught at the crash: one account created on the
 * panel whose answer never came back, one call cut off before it reached a panel that
 * then refuses twice (a {@code flaky-} domain), one third and last attempt cut off after
 * the panel created the account, and one payment whose {@code OrderPaid} listener had not
 * run. After the restart nothing fails that would have succeeded, nothing is created
 * twice on the panel, the step log shows the resumed attempts, and it never counts past
 * the limit. Database as in {@link TwoNodesCrashTests}: fresh PostgreSQL when
 * SPRING_DATASOURCE_URL names it, else in-memory H2.
 */
class RestartMidProvisioningTests {

	@Test
	void aRestartResumesEveryCutOffAttemptAndCreatesNothingTwice() throws Exception {
		try (CrashRig rig = CrashRig.start("restart-mid-provisioning")) {
			ConfigurableApplicationContext first = rig.node(true);
			String answerLost = domain("lost-answer-");
			String neverArrived = domain("flaky-cut-");
			String lastAttempt = domain("flaky-last-");
			rig.gate.hold(answerLost, Hold.AFTER_PANEL);
			rig.gate.hold(neverArrived, Hold.BEFORE_PANEL);
			// the panel refuses the first two calls (genuine failed attempts), the third
			// is
			// cut off
			rig.gate.hold(lastAttempt, Hold.AFTER_PANEL, 2);
			OrderView lost = pay(first, customer(first, "Dalila Lost"), answerLost);
			OrderView cut = pay(first, customer(first, "Eliya Cut"), neverArrived);
			OrderView last = pay(first, customer(first, "Fatuma Last"), lastAttempt);
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> rig.gate.heldSoFar() == 3);

			rig.holdListeners(first);
			OrderView unheard = pay(first, customer(first, "Gift Unheard"), domain("unheard-"));
			// time enough for a listener that was not held to run
			Thread.sleep(500);
			assertThat(TwoNodesCrashTests.serviceCount(jdbc(first), unheard.id())).isZero();
			assertThat(CrashChecks.incompleteOrderPaid(jdbc(first))).isEqualTo(1);
			rig.kill(first);

			long restarting = System.nanoTime();
			ConfigurableApplicationContext second = rig.node(false);
			JdbcClient jdbc = jdbc(second);
			List<OrderView> all = List.of(lost, cut, last, unheard);
			CrashChecks.awaitSettled(jdbc, all, Duration.ofSeconds(60));
			System.out.println("RestartMidProvisioningTests: every paid order settled "
					+ Duration.ofNanos(System.nanoTime() - restarting).toMillis() + " ms after the restart began");

			CrashChecks.everyPaidOrderHasOneActiveServiceAndOneAccount(jdbc, rig.panel, all);
			CrashChecks.noAttemptLost(jdbc, List.of(lost, unheard), 1);
			// the panel's own two refusals are the only failed attempts
			CrashChecks.noAttemptLost(jdbc, List.of(cut, last), 3);
			for (OrderView order : List.of(lost, unheard)) {
				assertThat(CrashChecks.failedAttempts(jdbc, order.id())).as(order.domain()).isZero();
			}
			for (OrderView order : List.of(cut, last)) {
				assertThat(CrashChecks.failedAttempts(jdbc, order.id())).as(order.domain()).isEqualTo(2);
			}

			List<String> lostLog = CrashChecks.stepLog(jdbc, lost.id());
			assertThat(lostLog).as("the first run's call, logged before it was made")
				.anyMatch(m -> m.startsWith("add_user not ok: called; no answer recorded"));
			assertThat(lostLog).anyMatch(m -> m.contains("resuming attempt 1 of 3"))
				.anyMatch(m -> m.contains("already exists with this service's domain and e-mail"));
			assertThat(CrashChecks.stepLog(jdbc, cut.id())).anyMatch(m -> m.contains("resuming attempt 1 of 3"))
				.anyMatch(m -> m.contains("attempt 3 of 3"));
			assertThat(CrashChecks.stepLog(jdbc, last.id())).anyMatch(m -> m.contains("resuming attempt 3 of 3"))
				.anyMatch(m -> m.contains("already exists with this service's domain and e-mail"));
			assertThat(CrashChecks.stepLog(jdbc, unheard.id())).noneMatch(m -> m.contains("resuming"));
		}
	}

}
