package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.Catalog;
import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.catalog.BillingPeriod.MONTHLY;

/**
 * Per plan overrides of the overdue days: set on the admin plan form and the API
 * (checked, errors inline), listed on the automation page, and used by the preview and
 * the run: two plans' renewals due the same day walked with the sandbox clock, each on
 * its own days.
 */
class PlanOverdueDaysTests extends BillingTestSupport {

	@Autowired
	Catalog catalog;

	private final List<Long> plans = new ArrayList<>();

	/** This test's invoices: no run may fail on them. */
	private final List<Long> mine = new ArrayList<>();

	@AfterEach
	void plansFollowTheSettingsAgain() {
		for (long id : plans) {
			jdbc.sql("""
					UPDATE plans SET suspend_after_days = NULL, terminate_after_days = NULL,
					  termination_warning_days = NULL, reminder_days = NULL WHERE id = ?""").param(id).update();
		}
	}

	@Test
	void twoPlansWithDifferentDaysAreRemindedSuspendedWarnedAndTerminatedEachOnItsOwnDays() {
		long quick = plan(Map.of("suspend_after_days", 2, "terminate_after_days", 10, "termination_warning_days", 3,
				"reminder_days", List.of(1, 0)));
		long usual = plan(Map.of());
		var created = admin().get("/api/admin/plans/" + quick).json();
		assertThat(created.get("reminder_days").toString()).isEqualTo("[0,1]");
		assertThat(created.get("terminate_after_days").asInt()).isEqualTo(10);
		assertThat(admin().get("/api/admin/plans/" + usual).json().has("suspend_after_days")).isFalse();

		Account c = customer("0754000301");
		LocalDate start = billing.today();
		long subQuick = subscription(c, 10_000, "TZS", MONTHLY, start, quick);
		long subUsual = subscription(c, 20_000, "TZS", MONTHLY, start, usual);
		LocalDate due = sub(subQuick).nextDueDate();
		walkTo(due.minusDays(14));
		long quickInvoice = renewalInvoice(subQuick, due);
		long usualInvoice = renewalInvoice(subUsual, due);
		mine.addAll(List.of(quickInvoice, usualInvoice));

		walkTo(due);
		assertThat(steps(quickInvoice, "reminder")).containsExactly(0);
		assertThat(steps(usualInvoice, "reminder")).containsExactly(0);
		walkTo(due.plusDays(1));
		assertThat(steps(quickInvoice, "reminder")).containsExactly(0, 1);
		assertThat(steps(usualInvoice, "reminder")).containsExactly(0);

		var plan = run.preview(due.plusDays(2), 500);
		assertThat(invoices(plan, "suspensions")).contains(quickInvoice).doesNotContain(usualInvoice);
		walkTo(due.plusDays(2));
		assertThat(actions(quickInvoice, "suspension")).isEqualTo(1);
		assertThat(actions(usualInvoice, "suspension")).isZero();

		walkTo(due.plusDays(3));
		assertThat(steps(usualInvoice, "reminder")).containsExactly(0, 3);
		assertThat(steps(quickInvoice, "reminder")).as("its own offsets only").containsExactly(0, 1);
		walkTo(due.plusDays(7));
		assertThat(actions(quickInvoice, "termination_warning")).as("3 days before its day 10").isEqualTo(1);
		assertThat(actions(usualInvoice, "suspension")).isEqualTo(1);
		assertThat(actions(usualInvoice, "termination_warning")).isZero();

		walkTo(due.plusDays(10));
		assertThat(actions(quickInvoice, "termination")).isEqualTo(1);
		assertThat(billing.require(quickInvoice).status()).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(billing.require(usualInvoice).status()).isEqualTo(InvoiceStatus.UNPAID);
		walkTo(due.plusDays(25));
		assertThat(actions(usualInvoice, "termination_warning")).isEqualTo(1);
		walkTo(due.plusDays(30));
		assertThat(actions(usualInvoice, "termination")).isEqualTo(1);
		assertThat(actions(quickInvoice, "termination") + actions(quickInvoice, "suspension")).as("each once")
			.isEqualTo(2);
	}

	@Test
	void thePlanFormAndTheApiCheckTheDaysAndTheAutomationPageListsThem() {
		WebSession web = adminWeb();
		String name = "Overdue Days Plan " + System.nanoTime();
		Map<String, String> fields = new HashMap<>(Map.of("name", name, "price", "9000", "currency", "TZS",
				"billingPeriod", "monthly", "sortOrder", "7", "suspendAfterDays", "9", "terminateAfterDays", "5",
				"terminationWarningDays", "x", "reminderDays", "-3,soon"));
		var bad = web.submit("/admin/plans/new", "/admin/plans", fields);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid", "value=\"x\"", name, "Enter a whole number of days");
		fields.put("terminationWarningDays", "2");
		bad = web.submit("/admin/plans/new", "/admin/plans", fields);
		assertThat(bad.body()).contains("Termination comes after suspension", "Give whole days from -60 to 365",
				"value=\"-3,soon\"");
		fields.put("terminateAfterDays", "");
		fields.put("reminderDays", "");
		assertThat(web.submit("/admin/plans/new", "/admin/plans", fields).body())
			.contains("Give the three days together");
		fields.put("terminateAfterDays", "20");
		fields.put("reminderDays", "5, -2 ,0");
		assertThat(web.submit("/admin/plans/new", "/admin/plans", fields).redirectsTo("/admin/plans")).isTrue();
		long id = jdbc.sql("SELECT id FROM plans WHERE name = ?").param(name).query(Long.class).single();
		plans.add(id);
		var days = catalog.find(id).orElseThrow().overdueDays();
		assertThat(days.suspendAfterDays()).isEqualTo(9);
		assertThat(days.terminateAfterDays()).isEqualTo(20);
		assertThat(days.terminationWarningDays()).isEqualTo(2);
		assertThat(days.reminderDays()).isEqualTo("-2,0,5");
		assertThat(web.get("/admin/plans").body()).contains("suspended 9 days, terminated 20 days after due");
		assertThat(web.get("/admin/plans/" + id + "/edit").body()).contains("value=\"-2,0,5\"", "value=\"20\"");

		var automation = web.get("/admin/billing/automation");
		assertThat(automation.body()).contains("id=\"plan-rules-" + id + "\"", name);

		var refused = admin().put("/api/admin/plans/" + id,
				ApiClient.json(Map.of("name", name, "price_cents", 900_000, "currency", "TZS", "billing_period",
						"monthly", "suspend_after_days", 3, "reminder_days", List.of(-100))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"terminate_after_days\"", "\"field\":\"reminder_days\"");
		var cleared = admin().put("/api/admin/plans/" + id, ApiClient
			.json(Map.of("name", name, "price_cents", 900_000, "currency", "TZS", "billing_period", "monthly")));
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().has("suspend_after_days")).as("empty: the billing settings").isFalse();
		assertThat(web.get("/admin/billing/automation").body()).doesNotContain("id=\"plan-rules-" + id + "\"");
	}

	@Test
	void theAutomationPageNamesTheCustomers() {
		Account c = accounts
			.register(NewAccount.customer("Zawadi Mwakyusa", uniqueEmail("named"), "0754000302", PASSWORD));
		long sub = subscription(c, 10_000, MONTHLY, billing.today().plusDays(1).minusMonths(1));
		run.run(billing.today());
		renewalInvoice(sub, sub(sub).nextDueDate());
		var page = adminWeb().get("/admin/billing/automation?date=" + billing.today().plusDays(1));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Zawadi Mwakyusa", "/admin/users/" + c.id());
	}

	/** Moves the sandbox clock to the day, then runs, checking the preview first. */
	private void walkTo(LocalDate day) {
		int days = (int) (day.toEpochDay() - billing.today().toEpochDay());
		if (days > 0) {
			advance(days);
		}
		assertThat(billing.today()).isEqualTo(day);
		Map<String, List<?>> plan = run.preview(day, 100_000);
		BillingRun.Report report = run.run(day);
		assertThat(report.failures()).extracting(BillingStep.Failure::invoiceId).noneMatch(mine::contains);
		if (report.failures().isEmpty()) {
			// (another test's leftovers may fail; then the counts differ by those)
			plan.forEach((step, items) -> assertThat(report.steps().get(step)).as("%s on %s", step, day)
				.isEqualTo(items.size()));
		}
		assertThat(run.run(day).steps().values()).as("a second run on %s does nothing", day)
			.allMatch(n -> n == null || n == 0);
	}

	private long plan(Map<String, Object> days) {
		Map<String, Object> body = new HashMap<>(Map.of("name", "Days Plan " + System.nanoTime(), "price_cents", 10_000,
				"currency", "TZS", "billing_period", "monthly"));
		body.putAll(days);
		var created = admin().post("/api/admin/plans", json(body));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		plans.add(id);
		return id;
	}

	private WebSession adminWeb() {
		String email = uniqueEmail("plan-days-admin");
		accounts.register(NewAccount.customer("Plan Days Admin", email, null, PASSWORD));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(email).update();
		WebSession web = web();
		web.signIn(email, PASSWORD);
		return web;
	}

	@SuppressWarnings("unchecked")
	private static List<Long> invoices(Map<String, List<?>> plan, String step) {
		return ((List<OverdueItem>) plan.get(step)).stream().map(OverdueItem::invoiceId).toList();
	}

	private List<Integer> steps(long invoiceId, String kind) {
		return jdbc.sql("SELECT step FROM billing_actions WHERE invoice_id = ? AND kind = ? ORDER BY step")
			.params(invoiceId, kind)
			.query(Integer.class)
			.list();
	}

}
