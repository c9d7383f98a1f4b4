package org.hostwright.agency;

import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.Mailbox;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency's client (issue 12): accepting online from the token preview does what the
 * admin's accept does, the client's account shows its websites and services (page and
 * {@code GET /api/me/sites}, only its own), the welcome e-mail carries a single-use
 * set-password link under the agency's brand, and the admin's accept picks a customer by
 * search and redirects after the post.
 */
class AgencyClientTests extends AgencyTestSupport {

	private static final String PASSWORD = "client password 2026";

	@Test
	void clientAcceptsOnlineExactlyAsTheAdminWouldAndGetsASetPasswordLinkNotAPassword() {
		long id = siteAt("proposal_sent");
		JsonNode site = admin().get("/api/admin/hosting/sites/" + id).json();
		String contact = site.get("contact_email").asString();
		assertThat(admin().post("/api/admin/hosting/sites/" + id + "/services",
				"{\"service_type\":\"hosting\",\"name\":\"Website hosting\",\"billing_period\":\"annual\",\"price_cents\":12000,\"currency\":\"EUR\"}")
			.status()).isEqualTo(201);
		String preview = previewPath(id);

		WebSession visitor = web();
		var page = visitor.get(preview);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Five pages and a domain")
			.contains("Website hosting")
			.contains("120")
			.contains("id=\"terms\"")
			.contains("id=\"accept-proposal\"");

		// the terms must be accepted: nothing changes without the box ticked
		var refused = visitor.post(preview + "/accept", Map.of());
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"terms-error\"");
		assertThat(status(id)).isEqualTo("proposal_sent");

		var accepted = visitor.post(preview + "/accept", Map.of("terms", "on"));
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(accepted.location()).endsWith(preview + "/accepted");
		var result = visitor.get(accepted.location());
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("id=\"check-mail\"").contains(contact);
		// a reload of the result page is a GET; posting again accepts nothing more, it
		// shows the result
		assertThat(visitor.get(accepted.location()).status()).isEqualTo(200);
		var again = visitor.post(preview + "/accept", Map.of("terms", "on"));
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.location()).endsWith("/accepted");

		// the admin's accept effects: account, website owner, subscription, status,
		// timestamps
		JsonNode after = admin().get("/api/admin/hosting/sites/" + id).json();
		assertThat(after.get("status").asString()).isEqualTo("accepted");
		assertThat(after.get("proposal_accepted_at").asString()).isNotBlank();
		long merchantId = after.get("merchant_id").asLong();
		assertThat(jdbc.sql("SELECT email FROM users WHERE id = ?").param(merchantId).query(String.class).single())
			.isEqualTo(contact);
		assertThat(jdbc.sql("SELECT owner_id FROM websites WHERE id = ?")
			.param(after.get("store_id").asLong())
			.query(Long.class)
			.single()).isEqualTo(merchantId);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM agency_subscriptions WHERE hosted_site_id = ? AND customer_id = ?")
			.params(id, merchantId)
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'hosted_site.accepted' AND object_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1L);

		// the welcome e-mail: the agency's brand and a link to choose a password, no
		// password in it
		Mailbox.Received mail = mailbox().await(contact, "account");
		assertThat(mail.subject()).contains("HostWizard");
		assertThat(mail.body()).contains("HostWizard")
			.contains("/password/reset?token=")
			.doesNotContain("Temporary password");
		String link = mail.path("/password/reset?token=");

		WebSession client = web();
		assertThat(client.get(link).body()).doesNotContain("id=\"reset-invalid\"");
		var set = client.submit(link, "/password/reset",
				Map.of("token", tokenOf(link), "password", PASSWORD, "confirm", PASSWORD));
		assertThat(set.status()).isEqualTo(302);
		// single use: the same link is refused the second time
		assertThat(web().get(link).body()).contains("id=\"reset-invalid\"");
		var reuse = web().submit("/password/forgot", "/password/reset", Map.of("token", tokenOf(link), "password",
				"another password 2026", "confirm", "another password 2026"));
		assertThat(reuse.body()).contains("id=\"reset-invalid\"");

		// the chosen password signs in straight to the dashboard (no forced change),
		// which leads to My website
		WebSession signedIn = web();
		assertThat(signedIn.signIn(contact, PASSWORD).redirectsTo("/dashboard")).isTrue();
		var dashboard = signedIn.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"nav-my-website\"")
			.contains("id=\"open-my-website\"")
			.doesNotContain("id=\"browse-plans\"")
			.doesNotContain("Pick a plan");
		var mine = signedIn.get("/me/website");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains(site.get("business_name").asString())
			.contains("Website hosting")
			.contains("HostWizard");
	}

	@Test
	void signedInCustomerAcceptsWithItsOwnAccountAndSeesOnlyItsOwnSitesInTheApi() throws Exception {
		String email = uniqueEmail("client");
		WebSession customer = web();
		assertThat(customer
			.submit("/signup", "/signup", Map.of("name", "Nadia Client", "email", email, "password", PASSWORD))
			.status()).isEqualTo(302);
		customer.signIn(email, PASSWORD);
		long customerId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();

		long id = siteAt("proposal_sent");
		admin().post("/api/admin/hosting/sites/" + id + "/services",
				"{\"service_type\":\"domain\",\"name\":\"nadia.lu\",\"domain_name\":\"nadia.lu\",\"billing_period\":\"annual\",\"price_cents\":1500,\"expires_at\":\"2027-03-01\"}");
		String preview = previewPath(id);
		assertThat(customer.get(preview).body()).contains(email);
		var accepted = customer.post(preview + "/accept", Map.of("terms", "on"));
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(customer.get(accepted.location()).body()).contains("id=\"go-my-website\"");
		JsonNode after = admin().get("/api/admin/hosting/sites/" + id).json();
		assertThat(after.get("merchant_id").asLong()).isEqualTo(customerId);
		String domain = uniqueDomain("nadia");
		assertThat(action(id, "go-live", "{\"domain\":\"" + domain + "\"}").status()).isEqualTo(200);

		ApiClient api = api().signIn(email, PASSWORD);
		var sites = api.get("/api/me/sites");
		assertThat(sites.status()).isEqualTo(200);
		JsonNode items = sites.json().get("items");
		assertThat(items.size()).isEqualTo(1);
		JsonNode mine = items.get(0);
		assertThat(mine.get("id").asLong()).isEqualTo(id);
		assertThat(mine.get("business_name").asString()).isEqualTo(after.get("business_name").asString());
		assertThat(mine.get("status").asString()).isEqualTo("live");
		assertThat(mine.get("live_domain").asString()).isEqualTo(domain);
		JsonNode service = mine.get("services").get(0);
		assertThat(service.get("service_type").asString()).isEqualTo("domain");
		assertThat(service.get("name").asString()).isEqualTo("nadia.lu");
		assertThat(service.get("status").asString()).isEqualTo("active");
		assertThat(service.get("billing_period").asString()).isEqualTo("annual");
		assertThat(service.get("price_cents").asLong()).isEqualTo(1500);
		assertThat(service.get("currency").asString()).isEqualTo("EUR");
		assertThat(service.get("expires_at").asString()).startsWith("2027-03-01");

		var page = customer.get("/me/website");
		assertThat(page.body()).contains("https://" + domain + "/").contains("nadia.lu");

		// another customer sees none of it
		String otherEmail = uniqueEmail("other");
		web().submit("/signup", "/signup", Map.of("name", "Someone Else", "email", otherEmail, "password", PASSWORD));
		var others = api().signIn(otherEmail, PASSWORD).get("/api/me/sites");
		assertThat(others.status()).isEqualTo(200);
		assertThat(others.json().get("items").size()).isZero();
		assertThat(api().get("/api/me/sites").status()).isEqualTo(401);

		// documented in the OpenAPI document
		assertThat(api().get("/api/docs").body()).contains("/api/me/sites");
	}

	@Test
	void aVisitorWhoseEmailAlreadyHasAnAccountIsAskedToSignInAndComesBackToTheProposal() {
		long id = siteAt("proposal_sent");
		String contact = admin().get("/api/admin/hosting/sites/" + id).json().get("contact_email").asString();
		web().submit("/signup", "/signup", Map.of("name", "Jean Existing", "email", contact, "password", PASSWORD));
		String preview = previewPath(id);
		WebSession visitor = web();
		visitor.get(preview);
		var refused = visitor.post(preview + "/accept", Map.of("terms", "on"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"accept-error\"").contains(preview + "/sign-in");
		assertThat(status(id)).isEqualTo("proposal_sent");

		var toLogin = visitor.get(preview + "/sign-in");
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.location()).contains("/login");
		var signedIn = visitor.signIn(contact, PASSWORD);
		assertThat(signedIn.location()).contains(preview + "/sign-in");
		var back = visitor.follow(signedIn);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.body()).contains("id=\"accept-proposal\"").contains(contact);
		assertThat(visitor.post(preview + "/accept", Map.of("terms", "on")).status()).isEqualTo(302);
		long customerId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(contact).query(Long.class).single();
		assertThat(admin().get("/api/admin/hosting/sites/" + id).json().get("merchant_id").asLong())
			.isEqualTo(customerId);
	}

	@Test
	void adminAcceptPicksACustomerBySearchAndRedirectsSoAReloadNeverResubmits() {
		String email = uniqueEmail("picked");
		web().submit("/signup", "/signup", Map.of("name", "Picked Customer", "email", email, "password", PASSWORD));
		long customerId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
		long id = siteAt("proposal_sent");
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var found = admin.get("/admin/hosting/sites/" + id + "/customers?customerQ=" + email.substring(0, 12));
		assertThat(found.body()).contains("value=\"" + customerId + "\"").contains(email);
		var detail = admin.get("/admin/hosting/sites/" + id + "?customerQ=Picked");
		assertThat(detail.body()).contains("id=\"customerQ\"")
			.contains("value=\"" + customerId + "\"")
			.doesNotContain("id=\"merchantId\"");

		var linked = admin.post("/admin/hosting/sites/" + id + "/action/accept",
				Map.of("merchantId", String.valueOf(customerId)));
		assertThat(linked.status()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("accepted");
		assertThat(admin().get("/api/admin/hosting/sites/" + id).json().get("merchant_id").asLong())
			.isEqualTo(customerId);

		// a new account: the password shows on the page after the redirect, once
		long other = siteAt("proposal_sent");
		admin.get("/admin/hosting/sites/" + other);
		var created = admin.post("/admin/hosting/sites/" + other + "/action/accept", Map.of("merchantId", ""));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).endsWith("/admin/hosting/sites/" + other);
		var shown = admin.get(created.location());
		assertThat(shown.body()).contains("id=\"temporary-password\"");
		assertThat(admin.get(created.location()).body()).doesNotContain("id=\"temporary-password\"");
	}

	@Test
	void destructiveAgencyActionsAskForConfirmation() {
		long live = siteAt("live");
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		admin().post("/api/admin/hosting/sites/" + live + "/services",
				"{\"service_type\":\"ssl\",\"name\":\"Certificate\",\"billing_period\":\"annual\",\"price_cents\":0}");
		String livePage = admin.get("/admin/hosting/sites/" + live).body();
		assertThat(livePage).contains("action/cancel\" data-confirm=")
			.contains("action/suspend\" data-confirm=")
			.containsPattern("/services/\\d+/delete\" data-confirm=");
		long draft = siteAt("draft");
		assertThat(admin.get("/admin/hosting/sites/" + draft).body())
			.containsPattern("/delete\" data-confirm=\"Delete the site");
		long storeId = admin().get("/api/admin/hosting/sites/" + draft).json().get("store_id").asLong();
		assertThat(admin.get("/admin/websites/" + storeId).body())
			.containsPattern("/pages/\\d+/delete\" data-confirm=");
		long pageId = jdbc.sql("SELECT id FROM website_pages WHERE website_id = ?")
			.param(storeId)
			.query(Long.class)
			.list()
			.get(0);
		assertThat(admin.get("/admin/websites/" + storeId + "/pages/" + pageId).body())
			.contains("/delete\" data-confirm=");
		var prospect = admin().post("/api/admin/prospects", "{\"domain\":\"" + uniqueDomain("confirm") + "\"}");
		assertThat(admin.get("/admin/prospects/" + prospect.json().get("id").asLong()).body())
			.contains("/delete\" data-confirm=");
	}

	private static String tokenOf(String link) {
		return link.substring(link.indexOf("token=") + 6);
	}

}
