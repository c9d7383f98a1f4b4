package org.hostwright.provisioning;

import java.util.Map;

import org.hostwright.billing.InvoiceStatus;
import org.hostwright.billing.PaymentMethod;
import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unpaid or failed plan change never blocks the service for good: the customer or an
 * admin cancels it (with its invoice), an invoice cancelled elsewhere releases it, and an
 * admin retries a failed one through its job, once.
 */
class PlanChangeReleaseTests extends PlanChangeFixtures {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	@Test
	void theCustomerCancelsAnUnpaidUpgradeAndItsInvoiceThenChangesAgain() {
		String email = uniqueEmail("cancel");
		OnTwoPlans on = onLite(email);
		HostingService service = on.service();
		ApiClient api = api().signIn(email, PASSWORD);
		assertThat(api.post("/api/me/services/" + service.id() + "/plan/cancel", null).status()).isEqualTo(404);
		JsonNode asked = api
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", on.boost())))
			.json();
		long invoiceId = asked.path("invoice_id").asLong();

		// another customer cannot cancel it
		String stranger = uniqueEmail("stranger");
		customer(stranger);
		assertThat(api().signIn(stranger, PASSWORD)
			.post("/api/me/services/" + service.id() + "/plan/cancel", null)
			.status()).isEqualTo(404);

		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("id=\"plan-change-cancel\"",
				"data-confirm");
		var cancelled = owner.post("/me/services/" + service.id() + "/plan/cancel", Map.of());
		assertThat(cancelled.status()).isEqualTo(302);
		assertThat(billing.require(invoiceId).status()).isEqualTo(InvoiceStatus.CANCELLED);
		PlanChange change = changes.find(asked.path("id").asLong()).orElseThrow();
		assertThat(change.status()).isEqualTo(PlanChangeStatus.CANCELLED);
		assertThat(change.cancelledAt()).isNotNull();
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("was cancelled", "id=\"plan_slug\"");
		assertThat(audits("service.plan_change.cancelled", service.id())).isEqualTo(1);

		// a second cancel finds nothing open; a new change is accepted
		assertThat(api.post("/api/me/services/" + service.id() + "/plan/cancel", null).status()).isEqualTo(404);
		var again = api.post("/api/me/services/" + service.id() + "/plan",
				ApiClient.json(Map.of("plan_slug", on.boost())));
		assertThat(again.status()).isEqualTo(202);

		// paid first, it can no longer be cancelled: the change goes on
		long second = again.json().path("invoice_id").asLong();
		billing.pay(second, billing.require(second).balanceMinor(), PaymentMethod.CASH, "CAN-" + second, null);
		var late = api.post("/api/me/services/" + service.id() + "/plan/cancel", null);
		assertThat(late.status()).as(late.body()).isIn(404, 409);
		await().atMost(patience())
			.until(() -> changes.find(again.json().path("id").asLong())
				.orElseThrow()
				.status() == PlanChangeStatus.DONE);
	}

	@Test
	void anInvoiceCancelledOnTheInvoicePageReleasesItsChange() {
		String email = uniqueEmail("released");
		OnTwoPlans on = onLite(email);
		HostingService service = on.service();
		JsonNode asked = ask(email, service, on.boost());
		ApiClient admin = api().signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.post("/api/admin/invoices/" + asked.path("invoice_id").asLong() + "/cancel", null).status())
			.isEqualTo(200);
		await().atMost(patience())
			.until(() -> changes.find(asked.path("id").asLong()).orElseThrow().status() == PlanChangeStatus.CANCELLED);
		assertThat(changes.openOf(service.id())).isEmpty();
	}

	@Test
	void anAdminCancelsAWaitingChangeFromTheServicePageAudited() {
		String email = uniqueEmail("admincancel");
		OnTwoPlans on = onLite(email);
		HostingService service = on.service();
		JsonNode asked = ask(email, service, on.boost());
		long changeId = asked.path("id").asLong();

		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		String page = admin.get("/admin/services/" + service.id()).body();
		assertThat(page).contains("id=\"plan-changes\"", "id=\"plan-change-" + changeId + "\"", "Awaiting payment",
				"/admin/invoices/" + asked.path("invoice_id").asLong(), "plan-change-cancel");
		var posted = admin.post("/admin/services/" + service.id() + "/plan-changes/" + changeId + "/cancel", Map.of());
		assertThat(posted.status()).isEqualTo(302);
		assertThat(changes.find(changeId).orElseThrow().status()).isEqualTo(PlanChangeStatus.CANCELLED);
		assertThat(billing.require(asked.path("invoice_id").asLong()).status()).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(jdbc.sql("SELECT actor_email FROM audit_log WHERE action = ? AND object_id = ?")
			.params("service.plan_change.cancelled", String.valueOf(service.id()))
			.query(String.class)
			.list()).containsExactly(ADMIN);
		// a second click changes nothing
		admin.get("/admin/services/" + service.id());
		admin.post("/admin/services/" + service.id() + "/plan-changes/" + changeId + "/cancel", Map.of());
		assertThat(audits("service.plan_change.cancelled", service.id())).isEqualTo(1);
		// another service's change is not found through this one
		ApiClient adminApi = api().signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(adminApi
			.post("/api/admin/services/" + (service.id() + 100_000) + "/plan-changes/" + changeId + "/cancel", null)
			.status()).isEqualTo(404);
		JsonNode history = adminApi.get("/api/admin/services/" + service.id() + "/plan-changes").json();
		assertThat(history.get(0).path("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void aFailedChangeIsRetriedByAnAdminThroughItsJobOnce() {
		String email = uniqueEmail("retried");
		OnTwoPlans on = onBoost(email);
		HostingService service = on.service();
		// the panel does not know the account: every attempt fails
		jdbc.sql("UPDATE services SET panel_username = ? WHERE id = ?").params(gone(), service.id()).update();
		long changeId = api().signIn(email, PASSWORD)
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", on.lite())))
			.json()
			.path("id")
			.asLong();
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().attempts() >= 1);
		// what the job's failure handler does after the last attempt
		applier.giveUp(changeId, "the account is not on the panel (after 5 attempts)");
		assertThat(changes.find(changeId).orElseThrow().status()).isEqualTo(PlanChangeStatus.FAILED);
		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("did not succeed");

		jdbc.sql("UPDATE services SET panel_username = ? WHERE id = ?")
			.params(service.panelUsername(), service.id())
			.update();
		ApiClient admin = api().signIn(ADMIN, ADMIN_PASSWORD);
		var retried = admin.post("/api/admin/services/" + service.id() + "/plan-changes/" + changeId + "/retry", null);
		assertThat(retried.status()).isEqualTo(202);
		assertThat(retried.json().path("retries").asInt()).isEqualTo(1);
		// a second click finds it applying (or done): refused, nothing scheduled twice
		assertThat(admin.post("/api/admin/services/" + service.id() + "/plan-changes/" + changeId + "/retry", null)
			.status()).isEqualTo(409);
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().status() == PlanChangeStatus.DONE);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().plan()).isEqualTo("Hollyn Lite");
		assertThat(applied(service.id())).isEqualTo(1);
		assertThat(audits("service.plan_change.retried", service.id())).isEqualTo(1);
		// the credit of the downgrade is given once
		assertThat(billing.creditOf(on.customer(), "TZS")).isEqualTo(1_500_000);
	}

	@Test
	void anAdminCancellingAFailedPaidUpgradeRefundsItToCredit() {
		String email = uniqueEmail("refunded");
		OnTwoPlans on = onLite(email);
		HostingService service = on.service();
		jdbc.sql("UPDATE services SET panel_username = ? WHERE id = ?").params(gone(), service.id()).update();
		JsonNode asked = ask(email, service, on.boost());
		long changeId = asked.path("id").asLong();
		long invoiceId = asked.path("invoice_id").asLong();
		billing.pay(invoiceId, billing.require(invoiceId).balanceMinor(), PaymentMethod.CASH, "REF-" + invoiceId, null);
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().attempts() >= 1);
		applier.giveUp(changeId, "the account is not on the panel (after 5 attempts)");

		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/services/" + service.id()).body()).contains("plan-change-retry",
				"plan-change-cancel");
		admin.post("/admin/services/" + service.id() + "/plan-changes/" + changeId + "/cancel", Map.of());
		assertThat(changes.find(changeId).orElseThrow().status()).isEqualTo(PlanChangeStatus.CANCELLED);
		assertThat(billing.require(invoiceId).status()).isEqualTo(InvoiceStatus.REFUNDED);
		assertThat(billing.creditOf(on.customer(), "TZS")).isEqualTo(billing.require(invoiceId).amountPaidMinor());
		assertThat(services.require(service.id()).planSlug()).isEqualTo(on.lite());
	}

	/** A customer with an active service on a Lite plan or a Boost plan, both new. */
	private record OnTwoPlans(long customer, String lite, String boost, HostingService service) {
	}

	private OnTwoPlans onLite(String email) {
		return onTwoPlans(email, false);
	}

	private OnTwoPlans onBoost(String email) {
		return onTwoPlans(email, true);
	}

	private OnTwoPlans onTwoPlans(String email, boolean onBoost) {
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		return new OnTwoPlans(customer, lite, boost, activeService(customer, onBoost ? boost : lite));
	}

	/** The service's owner asks for the plan {@code slug}: the answer. */
	private JsonNode ask(String email, HostingService service, String slug) {
		return api().signIn(email, PASSWORD)
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", slug)))
			.json();
	}

	/**
	 * A panel username the panel does not know, unique (usernames are unique per server).
	 */
	private static String gone() {
		return "zz" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	private long audits(String action, long serviceId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object_id = ?")
			.params(action, String.valueOf(serviceId))
			.query(Long.class)
			.single();
	}

}
