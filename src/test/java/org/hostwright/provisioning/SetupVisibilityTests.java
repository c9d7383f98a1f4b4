package org.hostwright.provisioning;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failed setup is visible (order page, one e-mail to the customer in their language,
 * the admin dashboard's figure, the customer dashboard), and a setup in progress shows
 * its steps on the order page until "Open control panel".
 */
class SetupVisibilityTests extends IntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void aFailedSetupIsOnTheOrderInOneEmailOnBothDashboards() {
		String email = uniqueEmail("setupfail");
		WebSession web = customer(email, "sw");
		String domain = ProvisioningFixtures.domain("broken-");
		String order = paidOrder(web, domain);
		await().atMost(patience()).until(() -> "failed".equals(serviceStatus(order)));

		String page = web.get("/order/" + order).body();
		assertThat(page).contains("data-setup-status=\"failed\"", "class=\"small text-danger mb-0 setup-failed\"")
			.doesNotContain("hx-trigger=\"every 3s\"");
		// the customer's e-mail, in the language saved on the account, exactly once
		var mail = mailbox().await(email, "Bado tunaandaa hosting yako");
		assertThat(mail.body()).contains(domain, "/order/" + order);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> outbox(email) == 1);

		String dashboard = web.get("/dashboard").body();
		assertThat(dashboard).contains("id=\"c-failed\">1<", "id=\"c-active\">0<");

		ApiClient admin = api().signIn("admin@hostwright.local", "sandbox-admin-2026");
		await().atMost(patience())
			.until(() -> admin.get("/api/admin/stats/dashboard").json().get("failed_services").asLong() >= 1);
		WebSession adminWeb = web();
		adminWeb.signIn("admin@hostwright.local", "sandbox-admin-2026");
		assertThat(adminWeb.get("/admin").body()).contains("id=\"failed-services-link\"",
				"href=\"/admin/services?status=failed\"");
		assertThat(adminWeb.get("/admin/services?status=failed").body()).contains(domain);
	}

	@Test
	void theOrderPageFollowsTheSetupAndEndsWithOpenControlPanel() {
		WebSession web = customer(uniqueEmail("setupok"), "en");
		String order = paidOrder(web, ProvisioningFixtures.domain("shop-"));
		String page = web.get("/order/" + order).body();
		// right after payment: either still setting up (and polling) or already done
		assertThat(page).contains("id=\"order-setup\"");
		if (!page.contains("data-setup-status=\"ready\"")) {
			assertThat(page).contains("hx-get=\"/order/" + order + "/setup\"", "hx-trigger=\"every 3s\"");
		}
		await().atMost(patience())
			.until(() -> web.get("/order/" + order + "/setup").body().contains("data-setup-status=\"ready\""));
		String done = web.get("/order/" + order + "/setup").body();
		assertThat(done).contains("class=\"btn btn-primary mt-2 open-panel\"", "/me/services/")
			.doesNotContain("hx-trigger");
		assertThat(web().get("/order/" + order + "/setup").status()).isIn(302, 401, 403);
	}

	@Test
	void aPaidOrderWhoseServiceIsNotWrittenYetSaysTheSetupStartsAndPolls() {
		// the service row is written by an event after the payment's commit: a customer
		// opening the order page in between got "Something went wrong" (the progress
		// fragment was rendered with no setup)
		WebSession web = customer(uniqueEmail("setupsoon"), "en");
		var placed = web.submit("/checkout/hollyn-lite", "/checkout/hollyn-lite",
				Map.of("phone", "0754123456", "domain", ProvisioningFixtures.domain("soon-")));
		String order = placed.location().substring(placed.location().lastIndexOf('/') + 1);
		jdbc.sql("UPDATE orders SET status = 'paid', paid_at = CURRENT_TIMESTAMP WHERE uuid = ?")
			.param(UUID.fromString(order))
			.update();

		var page = web.get("/order/" + order);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("id=\"order-setup\"", "hx-trigger=\"every 3s\"",
					"setting up your hosting account starts in a moment.")
			.doesNotContain("data-setup-status", "Something went wrong");
		var card = web.get("/order/" + order + "/setup");
		assertThat(card.status()).isEqualTo(200);
		assertThat(card.body()).contains("setting up your hosting account starts in a moment.")
			.doesNotContain("data-setup-status");
	}

	private WebSession customer(String email, String language) {
		api().post("/api/auth/register", ApiClient
			.json(Map.of("name", "Setup Watcher", "email", email, "password", PASSWORD, "language", language)));
		WebSession web = web();
		web.signIn(email, PASSWORD);
		return web;
	}

	private String paidOrder(WebSession web, String domain) {
		var placed = web.submit("/checkout/hollyn-lite", "/checkout/hollyn-lite",
				Map.of("phone", "0754123456", "domain", domain));
		assertThat(placed.location()).as(placed.body()).contains("/order/");
		String order = placed.location().substring(placed.location().lastIndexOf('/') + 1);
		web.get("/order/" + order);
		web.post("/pay/" + order, Map.of());
		await().atMost(patience()).until(() -> {
			String s = jdbc.sql("SELECT status FROM orders WHERE uuid = ?")
				.param(UUID.fromString(order))
				.query(String.class)
				.single();
			return "paid".equals(s) || "active".equals(s);
		});
		return order;
	}

	private String serviceStatus(String order) {
		return jdbc.sql("SELECT s.status FROM services s JOIN orders o ON o.id = s.order_id WHERE o.uuid = ?")
			.param(UUID.fromString(order))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private long outbox(String email) {
		return jdbc
			.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND template = 'service-setup-failed'")
			.param(email)
			.query(Long.class)
			.single();
	}

}
