package org.hostwright.provisioning;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.hostwright.ordering.OrderView;
import org.hostwright.sandbox.WebuzoSimulator;
import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer and admin pages and API over real HTTP. */
class ServicesWebAndApiTests extends ProvisioningFixtures {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	@Autowired
	WebuzoSimulator simulator;

	@Test
	void customerApiListsOwnServicesAndSignsIntoThePanel() throws Exception {
		String email = uniqueEmail("api");
		long customer = customer(email);
		OrderView order = paidOrder(customer, domain("api-"));
		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);

		ApiClient api = api().signIn(email, PASSWORD);
		JsonNode list = api.get("/api/me/services").json();
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).get("id").asLong()).isEqualTo(service.id());
		assertThat(list.get(0).get("order_uuid").asString()).isEqualTo(order.uuid().toString());
		assertThat(list.get(0).get("status").asString()).isEqualTo("active");
		assertThat(list.get(0).get("panel_username").asString()).isEqualTo(service.panelUsername());
		assertThat(list.get(0).get("plan_slug").asString()).isEqualTo(order.planSlug());
		assertThat(list.get(0).has("password")).isFalse();

		ApiClient.Response sso = api.get("/api/me/services/" + service.id() + "/sso");
		assertThat(sso.status()).isEqualTo(302);
		WebSession browser = web();
		assertThat(browser.get(sso.header("Location")).body()).contains("signed in as " + service.panelUsername());

		ApiClient stranger = api().signIn(uniqueEmailAccount(), PASSWORD);
		assertThat(stranger.get("/api/me/services/" + service.id()).status()).isEqualTo(404);
		assertThat(stranger.get("/api/me/services/" + service.id() + "/sso").status()).isEqualTo(404);
		assertThat(stranger.get("/api/admin/services/" + service.id()).status()).isEqualTo(403);
	}

	private String uniqueEmailAccount() {
		String email = uniqueEmail("stranger");
		customer(email);
		return email;
	}

	@Test
	void credentialsLinkShowsThePasswordOnceToTheSignedInOwner() {
		String email = uniqueEmail("link");
		long customer = customer(email);
		HostingService service = awaitService(paidOrder(customer, domain("link-")).id(), ServiceStatus.ACTIVE);
		String link = mailbox().await(email.toLowerCase(java.util.Locale.ROOT), "is ready").link("/credentials?token=");
		String password = services.revealCredentials(service.id()).password();

		WebSession other = web();
		other.signIn(uniqueEmailAccount(), PASSWORD);
		assertThat(other.get(link).status()).isEqualTo(404);

		WebSession owner = web();
		assertThat(owner.get(link).status()).isEqualTo(302); // sign in first
		owner.signIn(email, PASSWORD);
		WebSession.Page shown = owner.get(link);
		assertThat(shown.body()).contains("id=\"credentials\"").contains(password);
		assertThat(owner.get(link).body()).contains("credentials-spent").doesNotContain(password);
	}

	@Test
	void finishSetupCreatesTheMissingServiceOfAPaidOrder() {
		String email = uniqueEmail("finish");
		long customer = customer(email);
		OrderView order = paidOrder(customer, domain("finish-"));
		HostingService first = awaitService(order.id(), ServiceStatus.ACTIVE);
		// as in the seed: a paid order whose service does not exist (here: removed)
		jdbc.sql("DELETE FROM services WHERE id = ?").param(first.id()).update();
		jdbc.sql("UPDATE orders SET status = 'paid', paid_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), order.id())
			.update();

		WebSession web = web();
		web.signIn(email, PASSWORD);
		WebSession.Page page = web.get("/me/services");
		assertThat(page.body()).contains("id=\"nav-services\"")
			.contains("awaiting-setup")
			.contains("/me/services/provision/" + order.uuid());
		// htmx only where hx-* attributes are: the services page polls, the dashboard
		// does not
		assertThat(page.body()).contains("htmx.min");
		assertThat(web.get("/dashboard").body()).doesNotContain("htmx.min");
		WebSession.Page posted = web.post("/me/services/provision/" + order.uuid(), Map.of());
		assertThat(posted.status()).isEqualTo(302);
		HostingService again = awaitService(order.id(), ServiceStatus.ACTIVE);
		assertThat(again.id()).isNotEqualTo(first.id());
		assertThat(simulator.countByDomain(order.domain())).isEqualTo(1);
		assertThat(web.get("/me/services/" + again.id()).body()).contains("open-panel");
		assertThat(web.get("/me/services/" + again.id() + "/panel").location()).contains("/sess");
		assertThat(web.get("/me/panel?service=" + again.id()).location()).contains("/sess");
	}

	@Test
	void adminApiShowsLogsRevealsCredentialsAndRunsActionsAsJobs() {
		long customer = customer(uniqueEmail("adm"));
		String domain = domain("adm-");
		HostingService service = awaitService(paidOrder(customer, domain).id(), ServiceStatus.ACTIVE);
		ApiClient admin = api().signIn(ADMIN, ADMIN_PASSWORD);

		JsonNode details = admin.get("/api/admin/services/" + service.id()).json();
		assertThat(details.get("status").asString()).isEqualTo("active");
		assertThat(details.get("logs").size()).isGreaterThan(2);

		JsonNode credentials = admin.get("/api/admin/services/" + service.id() + "/credentials").json();
		assertThat(credentials.get("username").asString()).isEqualTo(service.panelUsername());
		assertThat(credentials.get("password").asString()).hasSizeGreaterThanOrEqualTo(14);
		assertThat(credentials.get("panel_url").asString()).startsWith("http://127.0.0.1:");
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'service.credentials.viewed' AND object_id = ?")
					.param(String.valueOf(service.id()))
					.query(Long.class)
					.single())
			.isEqualTo(1);

		assertThat(admin.post("/api/admin/services/" + service.id() + "/suspend", "{}").status()).isEqualTo(202);
		awaitStatus(service.id(), ServiceStatus.SUSPENDED);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().suspended()).isTrue();

		assertThat(admin.post("/api/admin/services/" + service.id() + "/activate", "{}").status()).isEqualTo(202);
		awaitStatus(service.id(), ServiceStatus.ACTIVE);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().suspended()).isFalse();

		assertThat(admin.post("/api/admin/services/" + service.id() + "/reprovision", "{}").status()).isEqualTo(202);
		awaitStatus(service.id(), ServiceStatus.ACTIVE);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);

		assertThat(admin.post("/api/admin/services/" + service.id() + "/terminate", "{}").status()).isEqualTo(202);
		awaitStatus(service.id(), ServiceStatus.CANCELLED);
		assertThat(simulator.account(service.panelUsername())).isEmpty();

		ApiClient.Response refused = admin.post("/api/admin/services/" + service.id() + "/suspend", "{}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).contains("problem+json");
		assertThat(admin.get("/api/admin/services?status=nonsense").status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE object_type = 'service' AND object_id = ?")
			.param(String.valueOf(service.id()))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void adminPagesShowTheServiceAndManagePanelServers() {
		long customer = customer(uniqueEmail("page"));
		HostingService service = awaitService(paidOrder(customer, domain("page-")).id(), ServiceStatus.ACTIVE);
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);

		assertThat(admin.get("/admin/services?q=" + service.domain()).body())
			.contains("/admin/services/" + service.id());
		assertThat(admin.get("/admin/services?status=FAILED&q=" + service.domain()).body())
			.doesNotContain("/admin/services/" + service.id() + "\"");
		WebSession.Page page = admin.get("/admin/services/" + service.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("service-log").contains("add_user").contains("[redacted]");
		WebSession.Page revealed = admin.post("/admin/services/" + service.id() + "/credentials", Map.of());
		assertThat(revealed.body()).contains("admin-cred-pass");
		assertThat(admin.get("/admin/services/" + service.id() + "/panel").location()).contains("/sess");

		assertThat(admin.get("/admin/servers").body()).contains("sandbox:webuzo");
		WebSession.Page invalid = admin.submit("/admin/servers/new", "/admin/servers",
				Map.of("name", "Bad", "adminUrl", "ftp://nope", "authType", "key", "apiUser", "admin", "secret", "k"));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("is-invalid");
		String name = "Panel " + System.nanoTime();
		WebSession.Page created = admin.submit("/admin/servers/new", "/admin/servers", Map.of("name", name, "adminUrl",
				"https://panel.example.com:2005", "authType", "basic", "apiUser", "root", "secret", "TopSecret-123"));
		assertThat(created.status()).isEqualTo(302);
		long id = jdbc.sql("SELECT id FROM panel_servers WHERE name = ?").param(name).query(Long.class).single();
		assertThat(jdbc.sql("SELECT secret_enc FROM panel_servers WHERE id = ?").param(id).query(String.class).single())
			.isNotBlank()
			.doesNotContain("TopSecret");
		admin.get("/admin/servers");
		assertThat(admin.post("/admin/servers/" + id + "/deactivate", Map.of()).status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT active FROM panel_servers WHERE id = ?").param(id).query(Boolean.class).single())
			.isFalse();
	}

	private void awaitStatus(long id, ServiceStatus status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> services.require(id).status() == status);
	}

}
