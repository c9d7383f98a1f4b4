package org.hostwright.agency;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hostwright.billing.Billing;
import org.hostwright.platform.SandboxClock;
import org.hostwright.support.ApiClient;
import org.hostwright.support.SandboxClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agency client who does not pay: the renewal invoice of a client service reaches the
 * suspension day (walked with the sandbox clock) and the client's site moves to
 * {@code suspended} through its state machine, once, with the same e-mail as hosting;
 * paying brings it back to live, once. A site held by two unpaid invoices comes back only
 * when both are paid.
 */
class AgencyOverdueTests extends AgencyTestSupport {

	@Autowired
	Clock clock;

	@Autowired
	Billing billing;

	@AfterEach
	void putTheClockBack() {
		SandboxClocks.putBack(clock, jdbc);
	}

	@Test
	void anUnpaidClientServiceSuspendsItsSiteOnceAndPayingPutsItBackLiveOnce() {
		long site = siteAt("live");
		long client = clientOf(site);
		String email = emailOf(client);
		LocalDate due = billing.today().plusDays(3);
		long service = service(site, "Website hosting", due);
		assertThat(run(null).status()).isEqualTo(200);
		List<Long> invoices = invoicesOf(client);
		assertThat(invoices).hasSize(1);
		long invoice = invoices.get(0);
		String number = admin().get("/api/admin/invoices/" + invoice).json().get("number").asString();

		advanceTo(due.plusDays(6));
		run(null);
		assertThat(status(site)).as("the day before its suspension").isEqualTo("live");

		advanceTo(due.plusDays(7));
		var preview = admin().get("/api/admin/billing/preview?date=" + billing.today());
		assertThat(preview.json().get("suspensions").toString()).contains("\"invoice_id\":" + invoice,
				"\"service_kind\":\"agency\"", "\"service_id\":" + service);
		run(null);
		assertThat(status(site)).isEqualTo("suspended");
		run(null);
		assertThat(actions(invoice, "suspension")).isEqualTo(1);
		assertThat(mails(email, "Hosting suspended: invoice " + number)).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE object_type = 'hosted_site' AND object_id = ? "
					+ "AND action = 'hosted_site.suspended'")
			.param(String.valueOf(site))
			.query(Long.class)
			.single()).isEqualTo(1);
		var dashboard = admin().get("/api/admin/stats/dashboard").json();
		assertThat(dashboard.get("suspended_for_non_payment").asLong()).isPositive();
		assertThat(dashboard.get("overdue_invoices").asLong()).isPositive();
		assertThat(dashboard.get("overdue_by_currency").toString()).contains("\"currency\":\"EUR\"");

		pay(invoice);
		await().atMost(Duration.ofSeconds(20)).until(() -> "live".equals(status(site)));
		await().atMost(Duration.ofSeconds(20)).until(() -> mails(email, "Hosting restored: invoice " + number) == 1);
		run(null);
		assertThat(actions(invoice, "restoration")).isEqualTo(1);
		assertThat(mails(email, "Hosting restored: invoice " + number)).isEqualTo(1);
		assertThat(status(site)).isEqualTo("live");
	}

	@Test
	void aSiteHeldByTwoUnpaidInvoicesComesBackOnlyWhenBothArePaid() {
		long site = siteAt("live");
		long client = clientOf(site);
		LocalDate due = billing.today().plusDays(2);
		service(site, "Website hosting", due);
		service(site, "Maintenance", due);
		run(null);
		List<Long> invoices = invoicesOf(client);
		assertThat(invoices).hasSize(2);

		advanceTo(due.plusDays(7));
		run(null);
		assertThat(status(site)).isEqualTo("suspended");
		assertThat(invoices).allSatisfy(i -> assertThat(outcome(i, "suspension")).isEqualTo("done"));

		pay(invoices.get(0));
		await().atMost(Duration.ofSeconds(20)).until(() -> actions(invoices.get(0), "restoration") == 1);
		assertThat(status(site)).as("the other invoice still holds it").isEqualTo("suspended");
		pay(invoices.get(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> "live".equals(status(site)));
	}

	@Test
	void aSiteAnAdminSuspendedIsLeftToTheAdmin() {
		long site = siteAt("live");
		long client = clientOf(site);
		LocalDate due = billing.today().plusDays(2);
		service(site, "Website hosting", due);
		run(null);
		long invoice = invoicesOf(client).get(0);
		assertThat(action(site, "suspend", "{}").status()).isEqualTo(200);

		advanceTo(due.plusDays(7));
		run(null);
		assertThat(outcome(invoice, "suspension")).isEqualTo("skipped");
		pay(invoice);
		run(null);
		assertThat(status(site)).as("a payment does not undo the admin's suspension").isEqualTo("suspended");
	}

	private ApiClient.Response run(String date) {
		var r = admin().post("/api/admin/billing/run", date == null ? null : ApiClient.json(Map.of("date", date)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r;
	}

	private void advanceTo(LocalDate day) {
		long days = day.toEpochDay() - billing.today().toEpochDay();
		((SandboxClock) clock).advance(Duration.ofDays(days));
		assertThat(billing.today()).isEqualTo(day);
	}

	private long service(long site, String name, LocalDate due) {
		String end = due.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC).toString();
		var r = admin().post("/api/admin/hosting/sites/" + site + "/services",
				ApiClient.json(Map.of("service_type", "hosting", "name", name, "billing_period", "monthly",
						"price_cents", 12_000, "currency", "EUR", "auto_renew", true, "status", "active", "period_end",
						end, "expires_at", end)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private void pay(long invoice) {
		var paid = admin().post("/api/admin/invoices/" + invoice + "/payments", ApiClient
			.json(Map.of("amount_cents", 12_000, "method", "bank_transfer", "reference", "AO-" + System.nanoTime())));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
	}

	private long clientOf(long site) {
		return admin().get("/api/admin/hosting/sites/" + site).json().get("merchant_id").asLong();
	}

	private String emailOf(long user) {
		return jdbc.sql("SELECT email FROM users WHERE id = ?").param(user).query(String.class).single();
	}

	private List<Long> invoicesOf(long customer) {
		return jdbc.sql("SELECT id FROM invoices WHERE customer_id = ? ORDER BY id")
			.param(customer)
			.query(Long.class)
			.list();
	}

	private long actions(long invoice, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM billing_actions WHERE invoice_id = ? AND kind = ?")
			.params(invoice, kind)
			.query(Long.class)
			.single();
	}

	private String outcome(long invoice, String kind) {
		return jdbc.sql("SELECT outcome FROM billing_actions WHERE invoice_id = ? AND kind = ?")
			.params(invoice, kind)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long mails(String email, String subjectPart) {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND subject LIKE ?")
			.params(email, "%" + subjectPart + "%")
			.query(Long.class)
			.single();
	}

}
