package org.hostwright.provisioning;

import java.time.LocalDate;
import java.util.Map;

import org.hostwright.billing.Invoice;
import org.hostwright.billing.PaymentMethod;
import org.hostwright.billing.StartSubscription;
import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A plan change in the middle of a paid period: the customer sees the prorated amount
 * before confirming, an upgrade is invoiced for it (a line naming the change and the
 * period), a downgrade credits it once applied, and the next renewal bills the new price.
 */
class PlanChangeProrationTests extends PlanChangeFixtures {

	@Test
	void anUpgradeMidPeriodIsInvoicedForTheRestOfThePeriodShownBeforeConfirming() {
		String email = uniqueEmail("prorate");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, lite);
		LocalDate today = billing.today();
		LocalDate due = dueIn(service, 10);
		long expected = prorated(1_500_000, today, due);
		assertThat(expected).isLessThan(1_500_000).isPositive();

		ApiClient api = api().signIn(email, PASSWORD);
		JsonNode quote = api.get("/api/me/services/" + service.id() + "/plan/quote?plan_slug=" + boost).json();
		assertThat(quote.path("charge_cents").asLong()).isEqualTo(expected);
		assertThat(quote.path("difference_cents").asLong()).isEqualTo(1_500_000);
		assertThat(quote.path("period_start").asString()).isEqualTo(today.toString());
		assertThat(quote.path("period_end").asString()).isEqualTo(due.minusDays(1).toString());
		assertThat(quote.path("days").asLong()).isEqualTo(10);
		assertThat(quote.path("next_due_date").asString()).isEqualTo(due.toString());

		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		var confirm = owner.get("/me/services/" + service.id() + "/plan?plan_slug=" + boost);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("id=\"plan-quote-amount\"",
				String.format(java.util.Locale.ENGLISH, "%,d", expected / 100), "(10 days)", "name=\"expected_cents\"");
		// nothing is recorded before the customer confirms
		assertThat(changes.latestOf(service.id())).isEmpty();

		// a charge that is not the one shown is refused, never charged
		var stale = owner.post("/me/services/" + service.id() + "/plan",
				Map.of("plan_slug", boost, "expected_cents", String.valueOf(expected + 100)));
		assertThat(stale.location()).contains("/me/services/" + service.id() + "/plan?plan_slug=");
		assertThat(changes.latestOf(service.id())).isEmpty();

		owner.get("/me/services/" + service.id() + "/plan?plan_slug=" + boost);
		var confirmed = owner.post("/me/services/" + service.id() + "/plan",
				Map.of("plan_slug", boost, "expected_cents", String.valueOf(expected)));
		assertThat(confirmed.status()).isEqualTo(302);
		assertThat(confirmed.location()).endsWith("/me/services/" + service.id());
		PlanChange change = changes.latestOf(service.id()).orElseThrow();
		assertThat(change.chargeMinor()).isEqualTo(expected);
		Invoice invoice = billing.require(change.invoiceId());
		assertThat(invoice.lines()).singleElement().satisfies(line -> {
			assertThat(line.unitPriceMinor()).isEqualTo(expected);
			assertThat(line.description()).startsWith("Upgrade from Lite to Boost").contains("prorated for 10 days");
			assertThat(line.periodStart()).isEqualTo(today);
			assertThat(line.periodEnd()).isEqualTo(due.minusDays(1));
			assertThat(line.serviceId()).isEqualTo(service.id());
		});
		assertThat(owner.get("/me/invoices/" + invoice.id()).body()).contains("Upgrade from Lite to Boost");

		billing.pay(invoice.id(), invoice.balanceMinor(), PaymentMethod.CASH, "PRO-" + invoice.id(), null);
		await().atMost(patience())
			.until(() -> changes.find(change.id()).orElseThrow().status() == PlanChangeStatus.DONE);
		// the next renewal bills the new price for the whole period
		assertThat(billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().priceMinor())
			.isEqualTo(4_000_000);
		assertThat(billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().nextDueDate())
			.isEqualTo(due);
	}

	@Test
	void aDowngradeMidPeriodCreditsTheUnusedPartOnceApplied() {
		String email = uniqueEmail("credit");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, boost);
		LocalDate due = dueIn(service, 10);
		long expected = prorated(1_500_000, billing.today(), due);

		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		var confirm = owner.get("/me/services/" + service.id() + "/plan?plan_slug=" + lite);
		assertThat(confirm.body()).contains("To your credit",
				String.format(java.util.Locale.ENGLISH, "%,d", expected / 100));
		var confirmed = owner.post("/me/services/" + service.id() + "/plan",
				Map.of("plan_slug", lite, "expected_cents", String.valueOf(-expected)));
		assertThat(confirmed.status()).isEqualTo(302);
		PlanChange change = changes.latestOf(service.id()).orElseThrow();
		assertThat(change.invoiceId()).isNull();
		await().atMost(patience())
			.until(() -> changes.find(change.id()).orElseThrow().status() == PlanChangeStatus.DONE);
		assertThat(billing.creditOf(customer, "TZS")).isEqualTo(expected);
		assertThat(billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().priceMinor())
			.isEqualTo(2_500_000);
		assertThat(owner.get("/me/services/" + service.id()).body()).contains("went to your credit");
	}

	@Test
	void anUpgradeWaitingForPaymentWhileTheRenewalIsInvoicedGetsTheDifferenceOfThatPeriodToo() {
		String email = uniqueEmail("race");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, lite);
		LocalDate due = dueIn(service, 5);
		ApiClient api = api().signIn(email, PASSWORD);
		JsonNode asked = api
			.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", boost)))
			.json();
		long changeId = asked.path("id").asLong();

		// the renewal run invoices the next period at the old price meanwhile
		long subscription = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		long renewal = billing.issue(customer, "TZS", due,
				java.util.List.of(org.hostwright.billing.LineDraft.simple("Lite renewal", 1, 2_500_000)));
		jdbc.sql("UPDATE invoice_lines SET subscription_id = ?, period_start = ?, period_end = ? WHERE invoice_id = ?")
			.params(subscription, java.sql.Date.valueOf(due), java.sql.Date.valueOf(due.plusMonths(1).minusDays(1)),
					renewal)
			.update();
		Invoice upgrade = billing.require(asked.path("invoice_id").asLong());
		billing.pay(upgrade.id(), upgrade.balanceMinor(), PaymentMethod.CASH, "RACE-" + upgrade.id(), null);
		await().atMost(patience()).until(() -> changes.find(changeId).orElseThrow().status() == PlanChangeStatus.DONE);

		assertThat(catchUps(customer)).singleElement().satisfies(i -> {
			assertThat(i.lines()).singleElement().satisfies(line -> {
				assertThat(line.unitPriceMinor()).isEqualTo(1_500_000);
				assertThat(line.periodStart()).isEqualTo(due);
			});
		});
		// once, whatever runs again
		applier.apply(changeId);
		assertThat(catchUps(customer)).hasSize(1);
		// while a renewal is invoiced and unpaid, the next change waits for its payment
		var refused = api.get("/api/me/services/" + service.id() + "/plan/quote?plan_slug=" + lite);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("next renewal");
	}

	private java.util.List<Invoice> catchUps(long customer) {
		return billing.ofCustomer(customer, 20)
			.stream()
			.map(i -> billing.require(i.id()))
			.filter(i -> i.lines().stream().anyMatch(l -> l.description().contains("renewal invoiced before")))
			.toList();
	}

}
