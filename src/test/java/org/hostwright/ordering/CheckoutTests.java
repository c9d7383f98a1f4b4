package org.hostwright.ordering;

import java.util.HashMap;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutTests extends IntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void visitorCheckoutCreatesTheAccountSignsInAndPlacesAPendingOrder() {
		WebSession web = web();
		String email = uniqueEmail("buyer");
		var page = web.get("/checkout/hollyn-boost");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"password\"");
		var placed = web.post("/checkout/hollyn-boost", Map.of("name", "Asha Buyer", "email", email, "phone",
				"+255 754 123 456", "domain", "Duka-Langu.CO.TZ.", "password", PASSWORD));
		assertThat(placed.status()).isEqualTo(302);
		assertThat(placed.location()).contains("/order/");
		var order = jdbc
			.sql("SELECT o.status, o.phone, o.domain, o.price_minor, p.price_minor AS plan_price FROM orders o "
					+ "JOIN users u ON u.id = o.customer_id JOIN plans p ON p.id = o.plan_id WHERE u.email = ?")
			.param(email)
			.query((rs, n) -> Map.of("status", rs.getString(1), "phone", rs.getString(2), "domain", rs.getString(3),
					"price", rs.getLong(4), "planPrice", rs.getLong(5)))
			.single();
		assertThat(order).containsEntry("status", "pending")
			.containsEntry("phone", "+255754123456")
			.containsEntry("domain", "duka-langu.co.tz");
		assertThat(order.get("price")).isEqualTo(order.get("planPrice"));
		var summary = web.get(placed.location());
		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.body()).contains("id=\"pay-button\"").contains("Hollyn Boost");
		assertThat(mailbox().await(email, "We received your order").body()).contains("/order/");
	}

	@Test
	void anExistingEmailMustSignInFirstAndNoOrderIsCreated() {
		String email = uniqueEmail("existing");
		api().post("/api/auth/register", ApiClient.json(Map.of("name", "Old", "email", email, "password", PASSWORD)));
		var page = web().submit("/checkout/hollyn-lite", "/checkout/hollyn-lite", Map.of("name", "Somebody Else",
				"email", email, "phone", "0754123456", "password", "another long password"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"email-taken\"").contains("href=\"/login\"");
		assertThat(ordersOf(email)).isZero();
	}

	@Test
	void badPhoneAndDomainAreShownInlineAndNothingIsCreated() {
		String email = uniqueEmail("bad");
		var page = web().submit("/checkout/hollyn-lite", "/checkout/hollyn-lite", Map.of("name", "Bad Input", "email",
				email, "phone", "12345", "domain", "not a domain", "password", PASSWORD));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Enter a valid mobile number").contains("Enter a domain name");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isZero();
		var landline = web().submit("/checkout/hollyn-lite", "/checkout/hollyn-lite",
				Map.of("name", "Land Line", "email", email, "phone", "+255 22 212 3456", "password", PASSWORD));
		assertThat(landline.body()).contains("mobile-money number");
	}

	@Test
	void signedInCustomerSeesNoPasswordAndOrdersForThemselves() {
		String email = uniqueEmail("member");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "Member", "email", email, "password", PASSWORD)));
		WebSession web = web();
		web.signIn(email, PASSWORD);
		var page = web.get("/checkout/hollyn-grow");
		assertThat(page.body()).doesNotContain("name=\"password\"").contains(email);
		var placed = web.post("/checkout/hollyn-grow",
				new HashMap<>(Map.of("name", "x", "email", "someone@else.test", "phone", "0712345678")));
		assertThat(placed.location()).contains("/order/");
		assertThat(ordersOf(email)).isEqualTo(1);
		assertThat(web().get("/checkout/no-such-plan").status()).isIn(302, 404);
	}

	@Test
	void apiCheckoutAndOrdersWithOwnership() {
		ApiClient alice = customer("alice");
		ApiClient bob = customer("bob");
		var placed = alice.post("/api/checkout",
				ApiClient.json(Map.of("plan_slug", "hollyn-lite", "phone", "0754123456", "domain", "alice.co.tz")));
		assertThat(placed.status()).isEqualTo(201);
		String uuid = placed.json().get("order_uuid").asString();
		assertThat(placed.json().get("status").asString()).isEqualTo("pending");
		assertThat(placed.json().get("currency").asString()).isEqualTo("TZS");
		assertThat(placed.json().get("price_cents").asLong()).isPositive();

		var order = alice.get("/api/orders/" + uuid);
		assertThat(order.status()).isEqualTo(200);
		assertThat(order.json().get("status").asString()).isEqualTo("pending");
		assertThat(order.json().get("payments").isArray()).isTrue();
		assertThat(bob.get("/api/orders/" + uuid).status()).isEqualTo(404);
		assertThat(bob.get("/api/orders/not-a-uuid").status()).isEqualTo(404);
		assertThat(alice.get("/api/me/orders").body()).contains(uuid);
		assertThat(bob.get("/api/me/orders").body()).doesNotContain(uuid);
		assertThat(api().post("/api/checkout", "{}").status()).isEqualTo(401);

		var bad = alice.post("/api/checkout",
				ApiClient.json(Map.of("plan_slug", "nope", "phone", "12", "domain", "x")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"plan_slug\"", "\"field\":\"phone\"", "\"field\":\"domain\"");
	}

	@Test
	void anotherCustomersOrderPageIsNotFound() {
		ApiClient alice = customer("alice-web");
		String uuid = alice
			.post("/api/checkout", ApiClient.json(Map.of("plan_slug", "hollyn-lite", "phone", "0754123456")))
			.json()
			.get("order_uuid")
			.asString();
		String email = uniqueEmail("eve");
		api().post("/api/auth/register", ApiClient.json(Map.of("name", "Eve", "email", email, "password", PASSWORD)));
		WebSession eve = web();
		eve.signIn(email, PASSWORD);
		assertThat(eve.get("/order/" + uuid).status()).isEqualTo(404);
		assertThat(eve.get("/pay/" + uuid).status()).isEqualTo(404);
		assertThat(eve.get("/pay/" + uuid + "/status").status()).isEqualTo(404);
	}

	private ApiClient customer(String prefix) {
		String email = uniqueEmail(prefix);
		api().post("/api/auth/register", ApiClient.json(Map.of("name", prefix, "email", email, "password", PASSWORD)));
		return api().signIn(email, PASSWORD);
	}

	private long ordersOf(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.customer_id WHERE u.email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

}
