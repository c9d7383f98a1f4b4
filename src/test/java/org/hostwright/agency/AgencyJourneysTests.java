package org.hostwright.agency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency seed's journeys 1–9 over HTTP, in the seed's recommended order (2, 3, 4, 5,
 * 6, 7, 1, 8, 9), through the JSON API at the seed's paths and the admin pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgencyJourneysTests extends AgencyTestSupport {

	private long siteId;

	private String contactEmail;

	private String temporaryPassword;

	private String liveDomain;

	private WebSession adminWeb() {
		WebSession web = web();
		assertThat(web.signIn(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(302);
		return web;
	}

	@Test
	@Order(1)
	void journey2CreateHostedSiteManually() {
		assertThat(adminWeb().get("/admin/hosting/sites/new").status()).isEqualTo(200);
		contactEmail = uniqueEmail("jean");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("business_name", "Boulangerie du Parc");
		body.put("contact_name", "Jean Müller");
		body.put("contact_email", contactEmail);
		body.put("contact_phone", "+352 26 123 456");
		var r = admin().post("/api/admin/hosting/sites", ApiClient.json(body));
		assertThat(r.status()).isEqualTo(201);
		JsonNode site = r.json();
		siteId = site.get("id").asLong();
		assertThat(site.get("status").asString()).isEqualTo("draft");
		assertThat(site.get("business_name").asString()).isEqualTo("Boulangerie du Parc");
		// the sandbox demo owns boulangerie-du-parc, so a number may follow
		assertThat(site.get("subdomain").asString()).matches("boulangerie-du-parc(-\\d+)?");
		assertThat(site.get("store_id").asLong()).isPositive();
		assertThat(site.has("prospect_id")).isTrue();
		assertThat(site.get("prospect_id").isNull()).isTrue();
		var detail = adminWeb().get("/admin/hosting/sites/" + siteId);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("Boulangerie du Parc")
			.contains("/admin/websites/" + site.get("store_id").asLong());

		var invalid = admin().post("/api/admin/hosting/sites", "{\"business_name\":\"\",\"contact_email\":\"nope\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"field\":\"business_name\"").contains("\"field\":\"contact_email\"");
	}

	@Test
	@Order(2)
	void journey3PocThenProposal() {
		String previewPath = previewPath(siteId);
		assertThat(web().get(previewPath).status()).isEqualTo(404);
		var ready = action(siteId, "mark-poc-ready", null);
		assertThat(ready.status()).isEqualTo(200);
		assertThat(ready.json().get("status").asString()).isEqualTo("poc_ready");
		assertThat(web().get(previewPath).status()).isEqualTo(200);

		var sent = action(siteId, "send-proposal",
				"{\"notes\":\"Custom website with 5 pages, domain registration included\"}");
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.json().get("status").asString()).isEqualTo("proposal_sent");
		assertThat(sent.json().get("proposal_sent_at").asString()).isNotBlank();
		assertThat(sent.json().get("proposal_notes").asString()).startsWith("Custom website");
		var mail = mailbox().await(contactEmail, "Boulangerie du Parc");
		String link = mail.link(previewPath);
		var preview = web().get(link.replaceFirst("^https?://[^/]+", ""));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("HostWizard").contains("<iframe");
	}

	@Test
	@Order(3)
	void journey4AcceptCreatesTheClientsAccount() {
		var accepted = action(siteId, "accept", "{}");
		assertThat(accepted.status()).isEqualTo(200);
		JsonNode site = accepted.json();
		assertThat(site.get("status").asString()).isEqualTo("accepted");
		assertThat(site.get("proposal_accepted_at").asString()).isNotBlank();
		long merchantId = site.get("merchant_id").asLong();
		temporaryPassword = site.get("temporary_password").asString();
		assertThat(temporaryPassword).isNotBlank();
		assertThat(admin().get("/api/admin/hosting/sites/" + siteId).json().has("temporary_password")).isFalse();

		assertThat(jdbc.sql("SELECT owner_id FROM websites WHERE id = ?")
			.param(site.get("store_id").asLong())
			.query(Long.class)
			.single()).isEqualTo(merchantId);
		assertThat(jdbc.sql(
				"SELECT tier FROM agency_subscriptions WHERE hosted_site_id = ? AND customer_id = ? AND status = 'active'")
			.params(siteId, merchantId)
			.query(String.class)
			.single()).isEqualTo("essential");
		// the e-mail carries a link to choose a password, never the password itself
		assertThat(mailbox().await(contactEmail, "account").body()).doesNotContain(temporaryPassword)
			.contains("/password/reset?token=");

		// the temporary password signs in, and the first web sign-in forces a new one
		api().signIn(contactEmail, temporaryPassword);
		WebSession client = web();
		client.signIn(contactEmail, temporaryPassword);
		var forced = client.get("/dashboard");
		assertThat(forced.status()).isEqualTo(302);
		assertThat(forced.location()).contains("/account/password/new");

		// linking an existing customer instead: unknown id 404, an admin 400
		long other = siteAt("proposal_sent");
		assertThat(action(other, "accept", "{\"merchant_id\":987654321}").status()).isEqualTo(404);
		long adminId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(ADMIN).query(Long.class).single();
		assertThat(action(other, "accept", "{\"merchant_id\":" + adminId + "}").status()).isEqualTo(400);
		assertThat(status(other)).isEqualTo("proposal_sent");
		var linked = action(other, "accept", "{\"merchant_id\":" + merchantId + "}");
		assertThat(linked.status()).isEqualTo(200);
		assertThat(linked.json().get("merchant_id").asLong()).isEqualTo(merchantId);
		assertThat(linked.json().has("temporary_password")).isFalse();
	}

	@Test
	@Order(4)
	void journey5GoLiveWithTheClientsDomain() throws Exception {
		liveDomain = uniqueDomain("boulangerie-parc");
		var live = action(siteId, "go-live", "{\"domain\":\"" + liveDomain + "\"}");
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.json().get("status").asString()).isEqualTo("live");
		assertThat(live.json().get("live_domain").asString()).isEqualTo(liveDomain);
		assertThat(live.json().get("went_live_at").asString()).isNotBlank();
		var served = getWithHost(liveDomain, "/");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("Boulangerie du Parc");
		assertThat(web().get(previewPath(siteId)).status()).isEqualTo(404);
	}

	@Test
	@Order(5)
	void journey6AddClientServices() {
		String base = "/api/admin/hosting/sites/" + siteId + "/services";
		var domain = admin().post(base,
				"{ \"service_type\": \"domain\", \"name\": \"boulangerie-parc.lu domain\", \"domain_name\": \"boulangerie-parc.lu\", \"registrar\": \"Namecheap\", \"billing_period\": \"annual\", \"price_cents\": 1500, \"expires_at\": \"2027-03-01T00:00:00\", \"auto_renew\": true }");
		assertThat(domain.status()).isEqualTo(201);
		var email = admin().post(base,
				"{ \"service_type\": \"email\", \"name\": \"5 mailboxes\", \"mailbox_count\": 5, \"billing_period\": \"monthly\", \"price_cents\": 999 }");
		assertThat(email.status()).isEqualTo(201);
		var ssl = admin().post(base,
				"{ \"service_type\": \"ssl\", \"name\": \"SSL certificate\", \"billing_period\": \"annual\", \"price_cents\": 0, \"expires_at\": \"2027-03-01T00:00:00\" }");
		assertThat(ssl.status()).isEqualTo(201);
		var list = admin().get(base);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().size()).isEqualTo(3);
		assertThat(list.json().get(0).get("domain_name").asString()).isEqualTo("boulangerie-parc.lu");
		assertThat(list.json().get(1).get("mailbox_count").asInt()).isEqualTo(5);
		var page = adminWeb().get("/admin/hosting/sites/" + siteId);
		assertThat(page.body()).contains("5 mailboxes").contains("SSL certificate");
	}

	@Test
	@Order(6)
	void journey7DashboardAndRenewalMonitoring() {
		var stats = admin().get("/api/admin/hosting/stats/dashboard");
		assertThat(stats.status()).isEqualTo(200);
		JsonNode s = stats.json();
		assertThat(s.propertyNames()).contains("total_sites", "live_sites", "poc_sites", "sites_by_status",
				"active_services", "monthly_revenue_cents", "upcoming_renewals", "services_by_type");
		assertThat(s.get("live_sites").asLong()).isPositive();
		assertThat(s.get("monthly_revenue_cents").get("EUR").asLong()).isGreaterThanOrEqualTo(999 + 125);
		assertThat(s.get("services_by_type").get("email").asLong()).isPositive();
		WebSession web = adminWeb();
		var dashboard = web.get("/admin/hosting");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"total-sites\"").contains("Monthly revenue");
		var clients = web.get("/admin/hosting/clients?type=email&status=active");
		assertThat(clients.status()).isEqualTo(200);
		assertThat(clients.body()).contains("5 mailboxes");
		assertThat(web.get("/admin/hosting/clients?expiring=true").status()).isEqualTo(200);
	}

	@Test
	@Order(7)
	void journey1CreateHostedSiteFromProspect() {
		String email = uniqueEmail("lead");
		var prospect = admin().post("/api/admin/prospects",
				ApiClient.json(Map.of("business_name", unique("Café Müller"), "contact_name", "Anna Müller",
						"contact_email", email, "contact_phone", "+352 621 123 456", "notes", "Met at a fair")));
		assertThat(prospect.status()).isEqualTo(201);
		long prospectId = prospect.json().get("id").asLong();
		assertThat(prospect.json().get("status").asString()).isEqualTo("new");
		assertThat(prospect.json().get("score").asInt()).isBetween(0, 100);

		var site = admin().post("/api/admin/hosting/sites/from-prospect/" + prospectId, "");
		assertThat(site.status()).isEqualTo(201);
		assertThat(site.json().get("prospect_id").asLong()).isEqualTo(prospectId);
		assertThat(site.json().get("contact_email").asString()).isEqualTo(email);
		assertThat(site.json().get("contact_name").asString()).isEqualTo("Anna Müller");
		assertThat(site.json().get("subdomain").asString()).startsWith("cafe-muller-");
		assertThat(adminWeb().get("/admin/hosting/sites/" + site.json().get("id").asLong()).status()).isEqualTo(200);
		assertThat(admin().post("/api/admin/hosting/sites/from-prospect/" + prospectId, "").status()).isEqualTo(409);
		assertThat(admin().post("/api/admin/hosting/sites/from-prospect/987654321", "").status()).isEqualTo(404);
	}

	@Test
	@Order(8)
	void journey8SuspendReactivateCancel() throws Exception {
		assertThat(action(siteId, "suspend", null).json().get("status").asString()).isEqualTo("suspended");
		assertThat(getWithHost(liveDomain, "/").status()).isEqualTo(503);
		assertThat(action(siteId, "reactivate", null).json().get("status").asString()).isEqualTo("live");
		assertThat(getWithHost(liveDomain, "/").status()).isEqualTo(200);
		assertThat(action(siteId, "cancel", null).json().get("status").asString()).isEqualTo("cancelled");
		var again = action(siteId, "reactivate", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(action(siteId, "suspend", null).status()).isEqualTo(409);
		assertThat(status(siteId)).isEqualTo("cancelled");
	}

	@Test
	@Order(9)
	void journey9CompletePipelineFromProspectToLiveSite() throws Exception {
		String email = uniqueEmail("pipeline");
		String domain = uniqueDomain("atelier");
		var prospect = admin().post("/api/admin/prospects",
				ApiClient.json(Map.of("domain", domain, "contact_name", "Luc Weber", "contact_email", email)));
		assertThat(prospect.status()).isEqualTo(201);
		long prospectId = prospect.json().get("id").asLong();
		assertThat(prospect.json().get("score_reasons").size()).isPositive();
		var qualified = admin().put("/api/admin/prospects/" + prospectId,
				ApiClient.json(Map.of("domain", domain, "business_name", "Atelier Weber", "contact_name", "Luc Weber",
						"contact_email", email, "status", "qualified", "score", 80, "score_reasons",
						java.util.List.of("owns a domain", "asked for a quote"))));
		assertThat(qualified.json().get("status").asString()).isEqualTo("qualified");
		assertThat(qualified.json().get("score").asInt()).isEqualTo(80);

		JsonNode site = admin().post("/api/admin/hosting/sites/from-prospect/" + prospectId, "").json();
		long id = site.get("id").asLong();
		long storeId = site.get("store_id").asLong();
		WebSession web = adminWeb();
		var page = web.submit("/admin/websites/" + storeId + "/pages/new", "/admin/websites/" + storeId + "/pages",
				Map.of("title", "Services", "bodyMarkdown", "## Bespoke furniture\nMade in Luxembourg."));
		assertThat(page.status()).isEqualTo(302);

		assertThat(action(id, "mark-poc-ready", null).status()).isEqualTo(200);
		assertThat(action(id, "send-proposal", "{\"notes\":\"Three pages\"}").status()).isEqualTo(200);
		String previewLink = mailbox().await(email, "Atelier Weber").link("/preview");
		assertThat(web().get(previewLink.replaceFirst("^https?://[^/]+", "")).status()).isEqualTo(200);
		var accepted = action(id, "accept", "{}");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(admin().get("/api/admin/prospects/" + prospectId).json().get("status").asString())
			.isEqualTo("converted");
		assertThat(admin().post("/api/admin/hosting/sites/" + id + "/services",
				"{\"service_type\":\"hosting\",\"name\":\"Essential hosting\",\"billing_period\":\"monthly\",\"price_cents\":1900}")
			.status()).isEqualTo(201);
		assertThat(action(id, "go-live", "{\"domain\":\"" + domain + "\"}").status()).isEqualTo(200);
		var served = getWithHost(domain, "/services");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("Bespoke furniture");
		assertThat(admin().get("/api/admin/hosting/stats/dashboard").json().get("live_sites").asLong()).isPositive();
	}

}
