package org.hostwright.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Account;
import org.hostwright.provisioning.HostingService;
import org.hostwright.provisioning.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.catalog.BillingPeriod.MONTHLY;

/**
 * Overdue invoices walked with run dates and the sandbox clock, never by sleeping:
 * reminders, late fee, suspension, restoration, termination, each once.
 */
class OverdueTests extends OverdueTestSupport {

	@Test
	void theDefaultsAreThoseOfTheIssue() {
		OverdueRules rules = settings.overdueRules();
		assertThat(rules.reminderDays()).containsExactly(-3, 0, 3, 7);
		assertThat(rules.suspendAfterDays()).isEqualTo(7);
		assertThat(rules.terminateAfterDays()).isEqualTo(30);
		assertThat(rules.terminationWarningDays()).isEqualTo(5);
		assertThat(rules.automation()).isTrue();
		assertThat(rules.lateFee().none()).isTrue();
		assertThat(rules.runAt()).hasToString("03:00");
	}

	@Test
	void anUnpaidRenewalIsRemindedAtEachStepOnceThenSuspendedAndPayingRestoresItOnce() {
		Account c = customer("0754000201");
		HostingService service = activeService(c, hostingPlan(10_000), "overdue");
		long sub = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);
		String number = billing.require(invoiceId).number();

		for (int offset : new int[] { -3, 0, 3 }) {
			runAndCheckPreview(due.plusDays(offset));
			runAndCheckPreview(due.plusDays(offset));
			assertThat(reminders(c, number)).as("after the run of day %d", offset)
				.isEqualTo(offset == -3 ? 1 : offset == 0 ? 2 : 3);
		}
		assertThat(run.run(due.plusDays(6)).steps()).containsEntry("suspensions", 0);

		var plan = run.preview(due.plusDays(7), 500);
		assertThat(items(plan, "suspensions")).extracting(OverdueItem::invoiceId).contains(invoiceId);
		runAndCheckPreview(due.plusDays(7));
		assertThat(reminders(c, number)).isEqualTo(4);
		assertThat(mails(c, "Hosting suspended: invoice " + number)).isEqualTo(1);
		awaitStatus(service.id(), ServiceStatus.SUSPENDED);
		run.run(due.plusDays(8));
		assertThat(actions(invoiceId, "suspension")).isEqualTo(1);

		var admin = admin();
		var paid = admin.post("/api/admin/invoices/" + invoiceId + "/payments",
				json(Map.of("amount_cents", 10_000, "method", "cash", "reference", "C-" + System.nanoTime())));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		awaitStatus(service.id(), ServiceStatus.ACTIVE);
		Awaitility.await().atMost(patience()).until(() -> mails(c, "Hosting restored: invoice " + number) == 1);
		assertThat(run.run(due.plusDays(9)).steps()).containsEntry("restorations", 0);
		assertThat(actions(invoiceId, "restoration")).isEqualTo(1);
		assertThat(reminders(c, number)).as("never for a paid invoice").isEqualTo(4);
	}

	@Test
	void withTheSandboxClockMovedTheRunsJobsRunAtOnce() {
		Account c = customer("0754000210");
		HostingService service = activeService(c, hostingPlan(10_000), "walk");
		long sub = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		LocalDate due = sub(sub).nextDueDate();
		advance((int) (due.toEpochDay() - billing.today().toEpochDay()) + 7);
		run.run(due.minusDays(14));
		run.run(billing.today());
		// the suspend job was scheduled at the moved "now": due at once, not in a month
		awaitStatus(service.id(), ServiceStatus.SUSPENDED);
	}

	@Test
	void unpaidThirtyDaysAfterItsDueDateTheServiceIsWarnedThenTerminatedAndTheInvoiceCancelled() {
		Account c = customer("0754000202");
		HostingService service = activeService(c, hostingPlan(10_000), "ends");
		long sub = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);
		String number = billing.require(invoiceId).number();

		runAndCheckPreview(due.plusDays(24));
		assertThat(mails(c, "your hosting will be terminated")).isZero();
		runAndCheckPreview(due.plusDays(25));
		runAndCheckPreview(due.plusDays(26));
		assertThat(mails(c, "Invoice " + number + ": your hosting will be terminated on")).isEqualTo(1);

		runAndCheckPreview(due.plusDays(30));
		runAndCheckPreview(due.plusDays(31));
		awaitStatus(service.id(), ServiceStatus.CANCELLED);
		assertThat(billing.require(invoiceId).status()).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(sub(sub).status()).isEqualTo("cancelled");
		assertThat(mails(c, "Hosting terminated: invoice " + number)).isEqualTo(1);
		assertThat(actions(invoiceId, "termination")).isEqualTo(1);
	}

	@Test
	void aLateFeeIsAddedOnceTheDayAfterTheDueDate() {
		settings.saveOverdue(new OverdueRules(List.of(0), 7, 30, 5, true, OverdueRules.DEFAULT_RUN_AT,
				LateFee.parse("5%", "late_fee")));
		Account c = customer("0754000203");
		long sub = subscription(c, 10_000, MONTHLY, billing.today());
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);

		runAndCheckPreview(due);
		assertThat(billing.require(invoiceId).totalMinor()).isEqualTo(10_000);
		runAndCheckPreview(due.plusDays(1));
		runAndCheckPreview(due.plusDays(2));
		Invoice invoice = billing.require(invoiceId);
		assertThat(invoice.totalMinor()).isEqualTo(10_500);
		assertThat(invoice.balanceMinor()).isEqualTo(10_500);
		assertThat(invoice.lines()).hasSize(2);
		assertThat(actions(invoiceId, "late_fee")).isEqualTo(1);
	}

	@Test
	void theMasterSwitchAndNeverSuspendLeaveInvoicesAlone() {
		Account c = customer("0754000204");
		long sub = subscription(c, 10_000, MONTHLY, billing.today());
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);
		jdbc.sql("UPDATE billing_profiles SET never_suspend = TRUE WHERE customer_id = ?").param(c.id()).update();

		run.run(due.plusDays(8));
		run.run(due.plusDays(31));
		assertThat(actions(invoiceId, "suspension") + actions(invoiceId, "termination")
				+ actions(invoiceId, "termination_warning"))
			.isZero();
		assertThat(actions(invoiceId, "reminder")).as("reminders still go").isEqualTo(1);

		settings.saveOverdue(
				new OverdueRules(List.of(-3, 0, 3, 7), 7, 30, 5, false, OverdueRules.DEFAULT_RUN_AT, LateFee.NONE));
		Account other = customer("0754000205");
		long otherSub = subscription(other, 10_000, MONTHLY, billing.today());
		LocalDate otherDue = sub(otherSub).nextDueDate();
		run.run(otherDue.minusDays(14));
		long otherInvoice = renewalInvoice(otherSub, otherDue);
		assertThat(run.preview(otherDue.plusDays(8), 500).get("reminders")).isEmpty();
		run.run(otherDue.plusDays(8));
		assertThat(actions(otherInvoice, "reminder")).isZero();
	}

	@Test
	void twoRunsAtOnceSendEachReminderOnce() throws Exception {
		Account c = customer("0754000206");
		long sub = subscription(c, 10_000, MONTHLY, billing.today());
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		String number = billing.require(renewalInvoice(sub, due)).number();

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<BillingRun.Report>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return run.run(due);
				}));
			}
			start.countDown();
			for (Future<BillingRun.Report> f : runs) {
				assertThat(f.get().failures()).isEmpty();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(reminders(c, number)).isEqualTo(1);
	}

	@Test
	void anItemThatFailsLeavesNothingHalfDoneIsLoggedAndIsDoneOnceByTheNextRun() {
		Account c = customer("0754000211");
		long sub = subscription(c, 10_000, MONTHLY, billing.today());
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long invoiceId = renewalInvoice(sub, due);
		String number = billing.require(invoiceId).number();
		// the customer cannot be read while the reminder is sent: its e-mail fails
		// mid-item
		jdbc.sql("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?").param(c.id()).update();
		BillingRun.Report failed = run.run(due);
		assertThat(failed.failures()).extracting(BillingStep.Failure::invoiceId).contains(invoiceId);
		assertThat(actions(invoiceId, "reminder")).as("no key without its e-mail").isZero();
		var logged = admin().get("/api/admin/billing/runs?size=50");
		assertThat(logged.json().get("items").toString()).contains("\"invoice_id\":" + invoiceId);

		jdbc.sql("UPDATE users SET deleted_at = NULL WHERE id = ?").param(c.id()).update();
		assertThat(run.run(due).failures()).extracting(BillingStep.Failure::invoiceId).doesNotContain(invoiceId);
		run.run(due);
		assertThat(reminders(c, number)).isEqualTo(1);
		assertThat(actions(invoiceId, "reminder")).isEqualTo(1);
	}

	@Test
	void eachRunIsLoggedWithItsCountsAndListedByTheApi() {
		var admin = admin();
		var done = admin.post("/api/admin/billing/run", null);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		var runs = admin.get("/api/admin/billing/runs?size=5");
		assertThat(runs.status()).as(runs.body()).isEqualTo(200);
		var newest = runs.json().get("items").get(0);
		assertThat(newest.get("trigger").asString()).isEqualTo("admin");
		assertThat(newest.get("finished_at").isNull()).isFalse();
		assertThat(newest.get("steps").get("reminders")).isNotNull();
		assertThat(admin.get("/api/admin/billing/runs?size=0").status()).isEqualTo(400);
	}

	@Test
	void theSandboxClockMovesForwardForAnAdminIsAuditedAndRefusesBadDays() {
		try {
			var admin = admin();
			Instant before = Instant.now(clock);
			var moved = admin.post("/api/admin/sandbox/clock", json(Map.of("advance_days", 3)));
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			Instant now = Instant.parse(moved.json().get("now").asString());
			assertThat(Duration.between(before, now)).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
			assertThat(jdbc.sql("SELECT offset_seconds FROM sandbox_clock WHERE id = 1").query(Long.class).single())
				.isGreaterThanOrEqualTo(Duration.ofDays(3).getSeconds());
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'sandbox.clock.advanced'")
				.query(Long.class)
				.single()).isPositive();
			for (String bad : new String[] { "{\"advance_days\": 0}", "{\"advance_days\": -2}", "{}",
					"{\"advance_days\": \"soon\"}", "{\"advance_days\": 100000}" }) {
				var refused = admin.post("/api/admin/sandbox/clock", bad);
				assertThat(refused.status()).as(bad + " → " + refused.body()).isEqualTo(400);
			}
			assertThat(
					signedIn(customer("0754000207")).post("/api/admin/sandbox/clock", json(Map.of("advance_days", 1)))
						.status())
				.isIn(401, 403, 404);
			var page = web().get("/plans");
			assertThat(page.body()).contains("id=\"sandbox-date\"", billing.today().toString());
		}
		finally {
			jdbc.sql("DELETE FROM sandbox_clock").update();
		}
	}

	@Test
	void theAdminSeesThePreviewTheRunsTheSettingsAndTheDashboardFigures() {
		Account c = customer("0754000208");
		// due tomorrow: the preview of tomorrow's run lists its day-0 reminder
		long sub = subscription(c, 10_000, MONTHLY, billing.today().plusDays(1).minusMonths(1));
		run.run(billing.today());
		long invoiceId = renewalInvoice(sub, sub(sub).nextDueDate());
		String number = billing.require(invoiceId).number();
		var web = adminWeb();

		var automation = web.get("/admin/billing/automation?date=" + billing.today().plusDays(1));
		assertThat(automation.status()).isEqualTo(200);
		assertThat(automation.body()).contains("id=\"preview-reminders\"", "id=\"preview-suspensions\"",
				"id=\"billing-runs\"", number);
		assertThat(web.get("/admin/billing/automation?date=tomorrow").body()).contains("is-invalid",
				"value=\"tomorrow\"");
		var preview = admin().get("/api/admin/billing/preview?date=" + billing.today().plusDays(1));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("reminders").toString()).contains("\"invoice_number\":\"" + number + "\"",
				"\"amount_cents\":10000", "\"currency\":\"TZS\"");
		assertThat(preview.json().has("restorations")).isTrue();
		assertThat(admin().get("/api/admin/billing/preview?date=2026-13-45").status()).isEqualTo(400);

		var dashboard = web.get("/admin");
		assertThat(dashboard.body()).contains("id=\"stat-overdue\"", "id=\"stat-suspended-unpaid\"");

		var settingsPage = web.get("/admin/billing/settings");
		assertThat(settingsPage.body()).contains("value=\"-3,0,3,7\"", "id=\"overdue-settings\"");
		var bad = web.post("/admin/billing/settings",
				Map.of("invoice_prefix", "INV-", "renewal_lead_days", "14", "tax_rates", "TZ:18,LU:17",
						"overdue_section", "1", "reminder_days", "-3,zero", "suspend_after_days", "7",
						"terminate_after_days", "30", "termination_warning_days", "5", "run_at", "3 o'clock",
						"late_fee", "5%"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid", "value=\"-3,zero\"", "value=\"3 o&#39;clock\"");
		var good = web.post("/admin/billing/settings",
				form("invoice_prefix", "INV-", "renewal_lead_days", "14", "tax_rates", "TZ:18,LU:17", "overdue_section",
						"1", "reminder_days", "0,5", "suspend_after_days", "10", "terminate_after_days", "40",
						"termination_warning_days", "7", "run_at", "04:30", "late_fee", "2000", "automation", "true",
						"apply_credit", "true", "prices_include_tax", "true"));
		assertThat(good.status()).isEqualTo(302);
		OverdueRules saved = settings.overdueRules();
		assertThat(saved.reminderDays()).containsExactly(0, 5);
		assertThat(saved.suspendAfterDays()).isEqualTo(10);
		assertThat(saved.terminateAfterDays()).isEqualTo(40);
		assertThat(saved.warningAfterDays()).isEqualTo(33);
		assertThat(saved.runAt()).hasToString("04:30");
		assertThat(saved.lateFee().on(10_000)).isEqualTo(2_000);
	}

	@Test
	void theCustomerSeesWhatIsDueAndAnOverdueInvoiceWithPayNow() {
		Account c = customer("0754000209");
		long sub = subscription(c, 10_000, MONTHLY, billing.today().minusMonths(1).minusDays(3));
		run.run(billing.today());
		long invoiceId = renewalInvoice(sub, sub(sub).nextDueDate());
		var web = web();
		web.signIn(c.email(), PASSWORD);
		for (String path : new String[] { "/dashboard", "/me/services" }) {
			var page = web.get(path);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).as(path)
				.contains("id=\"billing-dues\"", "id=\"due-" + invoiceId + "\"", "Overdue", "Pay now",
						"/me/invoices/" + invoiceId);
		}
	}

	private static Map<String, String> form(String... pairs) {
		Map<String, String> form = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	private org.hostwright.support.WebSession adminWeb() {
		String email = uniqueEmail("overdue-admin-web");
		accounts.register(org.hostwright.accounts.NewAccount.customer("Overdue Admin", email, null, PASSWORD));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(email).update();
		var web = web();
		web.signIn(email, PASSWORD);
		return web;
	}

	/** The preview of the date lists exactly what the run then does, step by step. */
	private void runAndCheckPreview(LocalDate date) {
		Map<String, List<?>> plan = run.preview(date, 100_000);
		BillingRun.Report report = run.run(date);
		assertThat(report.failures()).isEmpty();
		plan.forEach((step, items) -> assertThat(report.steps().get(step)).as("%s on %s", step, date)
			.isEqualTo(items.size()));
	}

	@SuppressWarnings("unchecked")
	private static List<OverdueItem> items(Map<String, List<?>> plan, String step) {
		return (List<OverdueItem>) plan.get(step);
	}

	private long reminders(Account c, String number) {
		return jdbc
			.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND template = 'billing-overdue' "
					+ "AND subject LIKE ? AND (subject LIKE 'Invoice%due on%' OR subject LIKE '%is overdue%')")
			.params(c.email(), "%" + number + "%")
			.query(Long.class)
			.single();
	}

}
