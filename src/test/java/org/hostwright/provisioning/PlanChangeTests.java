package org.hostwright.provisioning;

import java.util.Map;

import org.hostwright.billing.Invoice;
import org.hostwright.billing.PaymentMethod;
import org.hostwright.billing.StartSubscription;
import org.hostwright.billing.Subscription;
import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Upgrade plan" changes the plan of the existing service: an upgrade is invoiced for the
 * difference and applied on the panel once paid, a downgrade at once, each exactly once.
 */
class PlanChangeTests extends PlanChangeFixtures {

	@Test
	void anUpgradeIsInvoicedForTheDifferenceAndAppliedOnceWhenPaid() {
		String email = uniqueEmail("upgrade");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, lite);
		ApiClient api = api().signIn(email, PASSWORD);

		var asked = api.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", boost)));
		assertThat(asked.status()).isEqualTo(202);
		JsonNode change = asked.json();
		assertThat(change.path("status").asString()).isEqualTo("awaiting_payment");
		assertThat(change.path("difference_cents").asLong()).isEqualTo(1_500_000);
		long invoiceId = change.path("invoice_id").asLong();
		Invoice invoice = billing.require(invoiceId);
		assertThat(invoice.customerId()).isEqualTo(customer);
		assertThat(invoice.lines()).singleElement().satisfies(line -> {
			assertThat(line.description()).startsWith("Upgrade from Lite").contains(" to Boost");
			assertThat(line.serviceId()).isEqualTo(service.id());
		});
		// nothing changes before the invoice is paid
		assertThat(simulator.account(service.panelUsername()).orElseThrow().plan()).isEqualTo("Hollyn Lite");

		var again = api.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", boost)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("already under way");

		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("id=\"plan-change-pay\"",
				"/me/invoices/" + invoiceId);

		billing.pay(invoiceId, invoice.balanceMinor(), PaymentMethod.CASH, "UPG-" + invoiceId, null);
		long changeId = change.path("id").asLong();
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().status() == PlanChangeStatus.DONE);

		assertThat(simulator.account(service.panelUsername()).orElseThrow().plan()).isEqualTo("Hollyn Boost");
		HostingService moved = services.require(service.id());
		assertThat(moved.planSlug()).isEqualTo(boost);
		assertThat(moved.panelPackage()).isEqualTo("Hollyn Boost");
		Subscription renewing = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow();
		assertThat(renewing.priceMinor()).isEqualTo(4_000_000);
		assertThat(renewing.description()).startsWith("Boost");

		// a retried job, or a second node, changes nothing more
		applier.apply(changeId);
		assertThat(panelEdits(service.id())).isEqualTo(1);
		assertThat(applied(service.id())).isEqualTo(1);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("Moved to Boost");
		JsonNode latest = api.get("/api/me/services/" + service.id() + "/plan").json();
		assertThat(latest.path("status").asString()).isEqualTo("done");
		assertThat(latest.path("applied_at").isMissingNode()).isFalse();
	}

	@Test
	void aDowngradeAppliesAtOnceWithoutAnInvoice() {
		String email = uniqueEmail("downgrade");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, boost);
		long invoicesBefore = invoicesOf(customer);

		var asked = api().signIn(email, PASSWORD)
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", lite)));
		assertThat(asked.status()).isEqualTo(202);
		assertThat(asked.json().path("status").asString()).isEqualTo("applying");
		assertThat(asked.json().path("invoice_id").asLong(0)).isZero();
		long changeId = asked.json().path("id").asLong();
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().status() == PlanChangeStatus.DONE);

		assertThat(simulator.account(service.panelUsername()).orElseThrow().plan()).isEqualTo("Hollyn Lite");
		assertThat(services.require(service.id()).planSlug()).isEqualTo(lite);
		assertThat(billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().priceMinor())
			.isEqualTo(2_500_000);
		assertThat(invoicesOf(customer)).isEqualTo(invoicesBefore);
		// a whole period left: the whole difference goes to the customer's credit, once
		assertThat(billing.creditOf(customer, "TZS")).isEqualTo(1_500_000);
		applier.apply(changeId);
		assertThat(billing.creditOf(customer, "TZS")).isEqualTo(1_500_000);
	}

	@Test
	void aPlanChangeCutOffByACrashTakesItsOwnLeaseBack(
			@org.springframework.beans.factory.annotation.Autowired ServiceStore store) {
		String email = uniqueEmail("cutchange");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, boost);
		java.time.Instant held = java.time.Instant.now().plusSeconds(600);
		// another panel job holds the service: the change's job waits for that lease
		store.lease(service.id(), held, ProvisioningJobs.actionId(service.id(), PanelAction.SUSPEND));
		var asked = api().signIn(email, PASSWORD)
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", lite)));
		long changeId = asked.json().path("id").asLong();
		await().atMost(patience())
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ? AND execution_time > ?")
				.params(ProvisioningJobs.planChangeId(changeId, 0),
						java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(300)))
				.query(Long.class)
				.single() == 1);
		assertThat(changes.find(changeId).orElseThrow().status()).isEqualTo(PlanChangeStatus.APPLYING);

		// the change's own run leased the service, then its node died: the revived run
		// does not wait for its own lease
		store.lease(service.id(), held, ProvisioningJobs.planChangeId(changeId, 0));
		applier.apply(changeId);

		assertThat(changes.find(changeId).orElseThrow().status()).isEqualTo(PlanChangeStatus.DONE);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().plan()).isEqualTo("Hollyn Lite");
		assertThat(store.leaseOf(service.id())).isEmpty();
	}

	@Test
	void aFailedPanelCallIsShownAndRetriedByTheJob() {
		String email = uniqueEmail("retry");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, boost);
		// the panel does not know the account for a while: every call for it fails
		jdbc.sql("UPDATE services SET panel_username = ? WHERE id = ?").params("zzgone", service.id()).update();

		var asked = api().signIn(email, PASSWORD)
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", lite)));
		long changeId = asked.json().path("id").asLong();
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().attempts() >= 1);
		PlanChange failing = changes.find(changeId).orElseThrow();
		assertThat(failing.status()).isEqualTo(PlanChangeStatus.APPLYING);
		assertThat(failing.lastError()).contains("not on the panel");
		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("did not accept the change yet",
				"hx-trigger=\"every 3s\"");

		jdbc.sql("UPDATE services SET panel_username = ? WHERE id = ?")
			.params(service.panelUsername(), service.id())
			.update();
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().status() == PlanChangeStatus.DONE);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().plan()).isEqualTo("Hollyn Lite");
	}

	@Test
	void anotherCustomersServiceIsNotFoundAndBadChoicesAreFieldErrors() {
		String email = uniqueEmail("owner");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		String dollars = plan("Dollars", 1_000, "USD", "MONTHLY", "Hollyn Boost");
		String yearly = plan("Yearly", 30_000_000, "TZS", "ANNUAL", "Hollyn Boost");
		HostingService service = activeService(customer, lite);
		String path = "/api/me/services/" + service.id() + "/plan";

		String stranger = uniqueEmail("stranger");
		customer(stranger);
		assertThat(api().signIn(stranger, PASSWORD).post(path, ApiClient.json(Map.of("plan_slug", boost))).status())
			.isEqualTo(404);
		WebSession other = web();
		other.signIn(stranger, PASSWORD);
		assertThat(other.get("/me/services/" + service.id()).status()).isEqualTo(404);

		ApiClient api = api().signIn(email, PASSWORD);
		for (String bad : new String[] { "no-such-plan", lite, dollars, yearly, "" }) {
			var refused = api.post(path, ApiClient.json(Map.of("plan_slug", bad)));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body()).as(bad).contains("plan_slug");
		}
		jdbc.sql("UPDATE services SET status = ? WHERE id = ?")
			.params(ServiceStatus.SUSPENDED.wire(), service.id())
			.update();
		assertThat(api.post(path, ApiClient.json(Map.of("plan_slug", boost))).status()).isEqualTo(400);
		assertThat(changes.latestOf(service.id())).isEmpty();
		assertThat(api.get(path).status()).isEqualTo(404);
	}

	@Test
	void theFormKeepsTheChoiceAndShowsTheErrorNextToIt() {
		String email = uniqueEmail("form");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, lite);
		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		owner.get("/me/services/" + service.id());

		var refused = owner.post("/me/services/" + service.id() + "/plan", Map.of("plan_slug", "no-such-plan"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"plan_slug-error\"", "There is no such plan.");

		owner.get("/me/services/" + service.id());
		var posted = owner.post("/me/services/" + service.id() + "/plan", Map.of("plan_slug", boost));
		assertThat(posted.status()).isEqualTo(302);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("id=\"plan-change-pay\"",
				"waiting for payment");
	}

}
