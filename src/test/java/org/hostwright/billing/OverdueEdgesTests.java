package org.hostwright.billing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Account;
import org.hostwright.provisioning.HostingService;
import org.hostwright.provisioning.ProvisioningLogEntry;
import org.hostwright.provisioning.ServiceStatus;
import org.hostwright.sandbox.WebuzoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue automation at its edges: the panel accepted a suspend (or an activate) and
 * the answer was lost, as when the node dies between the panel call and the status
 * update; and the unpaid invoice of a plan upgrade, which must never cost the customer
 * the service they paid for.
 */
class OverdueEdgesTests extends OverdueTestSupport {

	@Autowired
	WebuzoSimulator panel;

	@Test
	void aSuspensionWhoseAnswerWasLostIsDoneOnceOnThePanelAndPayingRestoresItOnce() {
		Account c = customer("0754000401");
		HostingService service = activeService(c, hostingPlan(10_000), "crash");
		String user = service.panelUsername();
		long sub = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);
		String number = billing.require(invoiceId).number();

		// the panel suspends the account, then the job never hears back (it times out,
		// as a node that died would never record it): it is retried
		panel.loseNextAnswer(user, "suspend");
		run.run(due.plusDays(7));
		awaitStatus(service.id(), ServiceStatus.SUSPENDED);
		assertThat(services.logs(service.id())).extracting(ProvisioningLogEntry::step, ProvisioningLogEntry::success)
			.as("the lost answer is a failed attempt")
			.contains(org.assertj.core.groups.Tuple.tuple("suspend", false));
		run.run(due.plusDays(7));
		run.run(due.plusDays(8));
		assertThat(panel.actionsOf(user)).as("the panel's own log").containsExactly("suspend");
		assertThat(panel.account(user).orElseThrow().suspended()).isTrue();
		assertThat(actions(invoiceId, "suspension")).isEqualTo(1);
		assertThat(mails(c, "Hosting suspended: invoice " + number)).isEqualTo(1);

		// the same on the way back
		panel.loseNextAnswer(user, "unsuspend");
		var paid = admin().post("/api/admin/invoices/" + invoiceId + "/payments",
				json(Map.of("amount_cents", 10_000, "method", "cash", "reference", "X-" + System.nanoTime())));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		awaitStatus(service.id(), ServiceStatus.ACTIVE);
		run.run(due.plusDays(9));
		run.run(due.plusDays(9));
		assertThat(panel.actionsOf(user)).containsExactly("suspend", "unsuspend");
		assertThat(panel.account(user).orElseThrow().suspended()).isFalse();
		assertThat(actions(invoiceId, "restoration")).isEqualTo(1);
		Awaitility.await().atMost(patience()).until(() -> mails(c, "Hosting restored: invoice " + number) == 1);
	}

	@Test
	void aPaymentWhileALostSuspensionWaitsForItsRetryStillEndsWithTheAccountActiveOnThePanel() {
		Account c = customer("0754000403");
		HostingService service = activeService(c, hostingPlan(10_000), "retry");
		String user = service.panelUsername();
		long sub = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);
		String suspendJob = "service-" + service.id() + "-suspend";

		panel.loseNextAnswer(user, "suspend");
		run.run(due.plusDays(7));
		// the suspension's answer was lost: hold its retry (as a slow back-off would)
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> jdbc.sql("""
					UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'service-action'
					  AND task_instance = ? AND picked = FALSE AND consecutive_failures > 0""")
				.params(Timestamp.from(Instant.now().plus(Duration.ofHours(1))), suspendJob)
				.update() == 1);
		assertThat(panel.account(user).orElseThrow().suspended()).as("the panel did it").isTrue();
		assertThat(services.require(service.id()).status()).isEqualTo(ServiceStatus.ACTIVE);

		var paid = admin().post("/api/admin/invoices/" + invoiceId + "/payments",
				json(Map.of("amount_cents", 10_000, "method", "cash", "reference", "R-" + System.nanoTime())));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		Awaitility.await().atMost(patience()).until(() -> actions(invoiceId, "restoration") == 1);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'service-action' AND task_instance = ?")
			.param(suspendJob)
			.query(Long.class)
			.single()).as("not cancelled: the account may be suspended on the panel").isEqualTo(1);

		// the retry comes (and the activation waiting behind it is let go at once)
		jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'service-action' AND picked = FALSE "
				+ "AND task_instance IN (?, ?)")
			.params(Timestamp.from(Instant.now()), suspendJob, "service-" + service.id() + "-activate")
			.update();
		awaitStatus(service.id(), ServiceStatus.SUSPENDED);
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'service-action' "
					+ "AND picked = FALSE AND task_instance = ?")
				.params(Timestamp.from(Instant.now()), "service-" + service.id() + "-activate")
				.update();
			return services.require(service.id()).status() == ServiceStatus.ACTIVE;
		});
		assertThat(panel.account(user).orElseThrow().suspended()).isFalse();
		assertThat(panel.actionsOf(user)).containsExactly("suspend", "unsuspend");
	}

	@Test
	void anUnpaidUpgradeNeverSuspendsTheServiceItLapsesOnceAndTheServiceMayChangeAgain() {
		settings.saveOverdue(new OverdueRules(List.of(-3, 0, 3, 7), 7, 30, 5, true, OverdueRules.DEFAULT_RUN_AT,
				LateFee.parse("5%", "late_fee")));
		Account c = customer("0754000402");
		long from = hostingPlan(10_000);
		String to = slugOf(hostingPlan(25_000));
		HostingService service = activeService(c, from, "upgrade");
		var api = signedIn(c);
		var change = api.post("/api/me/services/" + service.id() + "/plan", json(Map.of("plan_slug", to)));
		assertThat(change.status()).as(change.body()).isEqualTo(202);
		long invoiceId = change.json().get("invoice_id").asLong();
		Invoice upgrade = billing.require(invoiceId);
		LocalDate due = upgrade.dueDate();
		String number = upgrade.number();

		for (int day = 0; day < 7; day++) {
			var plan = run.preview(due.plusDays(day), 100_000);
			assertThat(plan.values()).as("day %d: nothing is done to an upgrade's invoice", day)
				.allSatisfy(items -> assertThat(items)
					.noneMatch(item -> item instanceof OverdueItem o && o.invoiceId() == invoiceId));
			run.run(due.plusDays(day));
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM billing_actions WHERE invoice_id = ?")
			.param(invoiceId)
			.query(Long.class)
			.single()).as("no reminder, no late fee").isZero();
		assertThat(billing.require(invoiceId).totalMinor()).isEqualTo(upgrade.totalMinor());

		var lapse = run.preview(due.plusDays(7), 100_000).get("upgrade_lapses");
		assertThat(lapse).extracting(item -> ((OverdueItem) item).invoiceId()).contains(invoiceId);
		run.run(due.plusDays(7));
		run.run(due.plusDays(8));
		assertThat(billing.require(invoiceId).status()).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(actions(invoiceId, "upgrade_lapse")).isEqualTo(1);
		assertThat(mails(c, "Upgrade cancelled: invoice " + number)).isEqualTo(1);
		Awaitility.await()
			.atMost(patience())
			.until(() -> "cancelled"
				.equals(api.get("/api/me/services/" + service.id() + "/plan").json().get("status").asString()));
		HostingService after = services.require(service.id());
		assertThat(after.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(after.planId()).as("still on the plan it paid for").isEqualTo(from);
		assertThat(panel.actionsOf(service.panelUsername())).isEmpty();
		var again = api.post("/api/me/services/" + service.id() + "/plan", json(Map.of("plan_slug", to)));
		assertThat(again.status()).as("the service may change again: " + again.body()).isEqualTo(202);
	}

	private String slugOf(long plan) {
		return jdbc.sql("SELECT slug FROM plans WHERE id = ?").param(plan).query(String.class).single();
	}

}
