package org.hostwright.catalog;

import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlansTests extends IntegrationTest {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	private ApiClient admin() {
		return api().signIn(ADMIN, ADMIN_PASSWORD);
	}

	@Test
	void sandboxStartsWithTheFourDemoPlansInShillings() {
		var plans = api().get("/api/plans");
		assertThat(plans.status()).isEqualTo(200);
		assertThat(plans.body()).contains("\"slug\":\"hollyn-lite\"", "\"slug\":\"hollyn-boost\"",
				"\"slug\":\"hollyn-grow\"", "\"slug\":\"hollyn-max\"");
		var lite = api().get("/api/plans/hollyn-lite").json();
		assertThat(lite.get("currency").asString()).isEqualTo("TZS");
		assertThat(lite.get("billing_period").asString()).isEqualTo("monthly");
		assertThat(lite.get("price_cents").asLong()).isPositive();
		assertThat(lite.get("features").size()).isGreaterThan(2);
		assertThat(lite.has("panel_package")).isFalse();
	}

	@Test
	void adminCreatesAPlanWithASlugFromTheNameAndOnlyActivePlansArePublic() {
		String name = "Café Pro " + System.nanoTime();
		var created = admin().post("/api/admin/plans",
				ApiClient.json(Map.of("name", name, "description", "For cafés", "features",
						java.util.List.of("1 site", " 5 GB "), "price_cents", 1_200_000, "currency", "eur",
						"billing_period", "annual", "active", false)));
		assertThat(created.status()).isEqualTo(201);
		var plan = created.json();
		assertThat(plan.get("slug").asString()).startsWith("cafe-pro-");
		assertThat(plan.get("currency").asString()).isEqualTo("EUR");
		assertThat(plan.get("panel_package").asString()).isEqualTo(defaultPackage);
		assertThat(plan.get("features").get(1).asString()).isEqualTo("5 GB");
		long id = plan.get("id").asLong();
		assertThat(api().get("/api/plans").body()).doesNotContain(plan.get("slug").asString());
		assertThat(api().get("/api/plans/" + plan.get("slug").asString()).status()).isEqualTo(404);

		var again = admin().post("/api/admin/plans", ApiClient.json(Map.of("name", name, "price_cents", 1, "currency",
				"TZS", "billing_period", "monthly", "active", false, "sort_order", 900)));
		assertThat(again.json().get("slug").asString()).isEqualTo(plan.get("slug").asString() + "-2");
		assertThat(admin().delete("/api/admin/plans/" + again.json().get("id").asLong()).status()).isEqualTo(204);

		var updated = admin().put("/api/admin/plans/" + id,
				ApiClient.json(Map.of("name", name + " bis", "price_cents", 1_500_000, "currency", "EUR",
						"billing_period", "quarterly", "active", true, "panel_package", "Cafe", "sort_order", 900)));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("slug").asString()).isEqualTo(plan.get("slug").asString());
		assertThat(api().get("/api/plans").body()).contains(plan.get("slug").asString());
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('plan.created', 'plan.updated') AND object_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);

		assertThat(admin().delete("/api/admin/plans/" + id).status()).isEqualTo(204);
		assertThat(admin().get("/api/admin/plans/" + id).status()).isEqualTo(404);
	}

	@Test
	void aPlanThatOrdersUseIsNotDeletedAndItsCardCountsOrdersAndPaidRevenue() {
		var plan = admin()
			.post("/api/admin/plans",
					ApiClient.json(Map.of("name", "Used " + System.nanoTime(), "price_cents", 700_000, "currency",
							"TZS", "billing_period", "monthly", "active", true, "sort_order", 950)))
			.json();
		long id = plan.get("id").asLong();
		String email = uniqueEmail("used");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "U", "email", email, "password", "correct horse battery")));
		var customer = api().signIn(email, "correct horse battery");
		String paid = customer
			.post("/api/checkout",
					ApiClient.json(Map.of("plan_slug", plan.get("slug").asString(), "phone", "0754123456")))
			.json()
			.get("order_uuid")
			.asString();
		customer.post("/api/checkout",
				ApiClient.json(Map.of("plan_slug", plan.get("slug").asString(), "phone", "0754123456")));
		assertThat(admin()
			.post("/api/admin/orders/" + paid + "/payments",
					ApiClient.json(Map.of("reference", "T-1", "amount_cents", 700_000)))
			.status()).isEqualTo(201);

		var figures = catalog.figures(java.util.List.of(id)).get(id);
		assertThat(figures.orders()).isEqualTo(2);
		assertThat(figures.revenueMinor()).isEqualTo(700_000);

		var refused = admin().delete("/api/admin/plans/" + id);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("deactivate");
		assertThat(admin()
			.put("/api/admin/plans/" + id,
					ApiClient.json(Map.of("name", plan.get("name").asString(), "price_cents", 700_000, "currency",
							"TZS", "billing_period", "monthly", "active", false)))
			.status()).isEqualTo(200);
	}

	@org.springframework.beans.factory.annotation.Autowired
	Catalog catalog;

	@org.springframework.beans.factory.annotation.Value("${hostwright.catalog.default-panel-package}")
	String defaultPackage;

	@Test
	void badInputIsA400WithEveryFieldError() {
		var r = admin().post("/api/admin/plans",
				ApiClient.json(Map.of("name", " ", "price_cents", -5, "currency", "XX", "billing_period", "weekly")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).contains("application/problem+json");
		assertThat(r.body()).contains("\"field\":\"name\"", "\"field\":\"price_cents\"", "\"field\":\"currency\"",
				"\"field\":\"billing_period\"");
		assertThat(admin().post("/api/admin/plans", "{not json").status()).isEqualTo(400);
	}

	@Test
	void customersAndVisitorsCannotAdministerPlans() {
		assertThat(api().get("/api/admin/plans").status()).isEqualTo(401);
		String email = uniqueEmail("plans");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "C", "email", email, "password", "correct horse battery")));
		var customer = api().signIn(email, "correct horse battery");
		assertThat(customer.post("/api/admin/plans", "{}").status()).isEqualTo(403);
	}

	@Test
	void storefrontShowsTheTopFourPlansAndThePlansPageAllOfThem() {
		var home = web().get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"top-plans\"").contains("/checkout/hollyn-lite");
		var plans = web().get("/plans");
		assertThat(plans.body()).contains("id=\"plan-list\"").contains("/checkout/hollyn-max");
	}

	@Test
	void adminPagesCreateEditDeactivateAndDelete() {
		var web = web();
		web.signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(web.get("/admin/plans").body()).contains("admin-plan-hollyn-lite");
		String name = "Web Plan " + System.nanoTime();
		var bad = web.submit("/admin/plans/new", "/admin/plans", Map.of("name", name, "price", "abc", "currency", "TZS",
				"billingPeriod", "monthly", "features", "A\nB", "sortOrder", "5"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid");
		var ok = web.submit("/admin/plans/new", "/admin/plans", Map.of("name", name, "price", "12,500", "currency",
				"TZS", "billingPeriod", "monthly", "features", "A\nB", "sortOrder", "5", "active", "true"));
		assertThat(ok.redirectsTo("/admin/plans")).isTrue();
		long id = jdbc.sql("SELECT id FROM plans WHERE name = ?").param(name).query(Long.class).single();
		assertThat(jdbc.sql("SELECT price_minor FROM plans WHERE id = ?").param(id).query(Long.class).single())
			.isEqualTo(1_250_000L);
		assertThat(web.get("/admin/plans/" + id + "/edit").body()).contains("12500");
		web.post("/admin/plans/" + id + "/active", Map.of("active", "false"));
		assertThat(jdbc.sql("SELECT active FROM plans WHERE id = ?").param(id).query(Boolean.class).single()).isFalse();
		web.get("/admin/plans");
		web.post("/admin/plans/" + id + "/delete", Map.of());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM plans WHERE id = ?").param(id).query(Long.class).single()).isZero();
	}

	@Test
	void thePlanFormShowsValuesThatDoNotBindAgainWithTheirErrorsInsteadOfFailing() {
		var admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var page = admin.submit("/admin/plans/new", "/admin/plans", java.util.Map.of("name", "", "price", "abc",
				"active", "maybe", "sortOrder", "\uFF11\uFF12", "currency", "TZS", "billingPeriod", "monthly"));
		org.assertj.core.api.Assertions.assertThat(page.status()).isEqualTo(200);
		org.assertj.core.api.Assertions.assertThat(page.body()).contains("is-invalid");
	}

	@Test
	void aPlansOwnRenewalLeadDaysAreSetByFormAndApiAndChecked() {
		var web = web();
		web.signIn(ADMIN, ADMIN_PASSWORD);
		String name = "Lead Plan " + System.nanoTime();
		Map<String, String> fields = new java.util.HashMap<>(Map.of("name", name, "price", "9000", "currency", "TZS",
				"billingPeriod", "monthly", "sortOrder", "7", "renewalLeadDays", "400"));
		var bad = web.submit("/admin/plans/new", "/admin/plans", fields);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid").contains("value=\"400\"").contains(name);
		fields.put("renewalLeadDays", "30");
		assertThat(web.submit("/admin/plans/new", "/admin/plans", fields).redirectsTo("/admin/plans")).isTrue();
		long id = jdbc.sql("SELECT id FROM plans WHERE name = ?").param(name).query(Long.class).single();
		assertThat(catalog.find(id).orElseThrow().renewalLeadDays()).isEqualTo(30);
		assertThat(catalog.renewalLeadDays()).containsEntry(id, 30);
		assertThat(web.get("/admin/plans").body()).contains("Renewal invoices 30 days before due");
		assertThat(web.get("/admin/plans/" + id + "/edit").body()).contains("value=\"30\"");

		var api = admin().put("/api/admin/plans/" + id, ApiClient.json(Map.of("name", name, "price_cents", 900_000,
				"currency", "TZS", "billing_period", "monthly", "renewal_lead_days", -1)));
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.body()).contains("renewal_lead_days");
		var cleared = admin().put("/api/admin/plans/" + id, ApiClient.json(Map.of("name", name, "price_cents", 900_000,
				"currency", "TZS", "billing_period", "monthly", "active", false)));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().has("renewal_lead_days")).as("empty: the billing setting").isFalse();
		assertThat(catalog.renewalLeadDays()).doesNotContainKey(id);
		admin().delete("/api/admin/plans/" + id);
	}

}
