package org.hostwright.agency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client services: validation, CRUD, renewal, the dashboard figures and the daily renewal
 * job.
 */
class ClientServicesTests extends AgencyTestSupport {

	@Autowired
	RenewalJob renewalJob;

	@Autowired
	Clock clock;

	private String services(long siteId) {
		return "/api/admin/hosting/sites/" + siteId + "/services";
	}

	@Test
	void badInputIsA400NamingTheFieldAndCreatesNothing() {
		long site = createSite(unique("Validation")).get("id").asLong();
		var badType = admin().post(services(site),
				"{\"service_type\":\"hosting-plus\",\"name\":\"x\",\"billing_period\":\"monthly\"}");
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.body()).contains("\"field\":\"service_type\"");
		var several = admin().post(services(site),
				"{\"service_type\":\"email\",\"billing_period\":\"weekly\",\"price_cents\":-5,\"currency\":\"EURO\",\"expires_at\":\"tomorrow\"}");
		assertThat(several.status()).isEqualTo(400);
		assertThat(several.body()).contains("\"field\":\"name\"")
			.contains("\"field\":\"billing_period\"")
			.contains("\"field\":\"price_cents\"")
			.contains("\"field\":\"currency\"")
			.contains("\"field\":\"expires_at\"");
		var notANumber = admin().post(services(site),
				"{\"service_type\":\"email\",\"name\":\"x\",\"billing_period\":\"monthly\",\"price_cents\":\"abc\"}");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(admin().get(services(site)).json().size()).isZero();
		assertThat(admin().get(services(987654321L)).status()).isEqualTo(404);
		assertThat(admin().post(services(987654321L), "{}").status()).isEqualTo(404);
	}

	@Test
	void anEditThatMovesTheStatusOutsideTheTableIsA400OnStatusAndChangesNothing() {
		long site = createSite(unique("Machine")).get("id").asLong();
		String body = """
				{"service_type":"ssl","name":"Certificate","billing_period":"annual","price_cents":900,"status":"%s"}""";
		var created = admin().post(services(site), body.formatted("cancelled"));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		var reopened = admin().put(services(site) + "/" + id, body.formatted("active"));
		assertThat(reopened.status()).isEqualTo(400);
		assertThat(reopened.body()).contains("\"field\":\"status\"");
		assertThat(admin().get(services(site) + "/" + id).json().get("status").asString()).isEqualTo("cancelled");

		var pending = admin().post(services(site), body.formatted("pending"));
		long pendingId = pending.json().get("id").asLong();
		assertThat(admin().put(services(site) + "/" + pendingId, body.formatted("expired")).status()).isEqualTo(400);
		assertThat(admin().put(services(site) + "/" + pendingId, body.formatted("active")).status()).isEqualTo(200);
	}

	@Test
	void aConvertedProspectCannotBeEditedBackToNew() {
		var prospect = admin().post("/api/admin/prospects", "{\"domain\":\"" + uniqueDomain("machine") + "\"}");
		assertThat(prospect.status()).isEqualTo(201);
		long id = prospect.json().get("id").asLong();
		String domain = prospect.json().get("domain").asString();
		String edit = "{\"domain\":\"" + domain + "\",\"status\":\"%s\"}";
		assertThat(admin().put("/api/admin/prospects/" + id, edit.formatted("converted")).status()).isEqualTo(200);
		var back = admin().put("/api/admin/prospects/" + id, edit.formatted("new"));
		assertThat(back.status()).isEqualTo(400);
		assertThat(back.body()).contains("\"field\":\"status\"");
		assertThat(admin().get("/api/admin/prospects/" + id).json().get("status").asString()).isEqualTo("converted");
		assertThat(admin().put("/api/admin/prospects/" + id, edit.formatted("lost")).status()).isEqualTo(200);
	}

	@Test
	void createUpdateRenewAndDelete() {
		long site = createSite(unique("Services")).get("id").asLong();
		var created = admin().post(services(site), """
				{"service_type":"domain","name":"acme.lu domain","domain_name":"acme.lu","registrar":"Namecheap",
				 "billing_period":"annual","price_cents":1500,"expires_at":"2027-03-01T00:00:00","auto_renew":true}""");
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("status").asString()).isEqualTo("active");
		assertThat(created.json().get("currency").asString()).isEqualTo("EUR");
		assertThat(created.json().get("expires_at").asString()).isEqualTo("2027-03-01T00:00:00Z");

		var updated = admin().put(services(site) + "/" + id, """
				{"service_type":"domain","name":"acme.lu domain","domain_name":"acme.lu","registrar":"Gandi",
				 "billing_period":"annual","price_cents":1800,"status":"active","expires_at":"2027-03-01"}""");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("registrar").asString()).isEqualTo("Gandi");
		assertThat(updated.json().get("price_cents").asLong()).isEqualTo(1800);

		var renewed = admin().post(services(site) + "/" + id + "/renew", "");
		assertThat(renewed.status()).isEqualTo(200);
		assertThat(renewed.json().get("expires_at").asString()).isEqualTo("2028-03-01T00:00:00Z");
		assertThat(renewed.json().get("period_start").asString()).isEqualTo("2027-03-01T00:00:00Z");

		var oneTime = admin().post(services(site),
				"{\"service_type\":\"website_maintenance\",\"name\":\"Set-up\",\"billing_period\":\"one_time\",\"price_cents\":50000}");
		assertThat(admin().post(services(site) + "/" + oneTime.json().get("id").asLong() + "/renew", "").status())
			.isEqualTo(409);

		assertThat(admin().get(services(site)).json().size()).isEqualTo(2);
		assertThat(admin().delete(services(site) + "/" + id).status()).isEqualTo(204);
		assertThat(admin().get(services(site)).json().size()).isEqualTo(1);
		long otherSite = createSite(unique("Other")).get("id").asLong();
		assertThat(admin().delete(services(otherSite) + "/" + oneTime.json().get("id").asLong()).status())
			.isEqualTo(404);
	}

	@Test
	void dashboardCountsActiveServicesMonthlyRevenueAndUpcomingRenewals() {
		var before = admin().get("/api/admin/hosting/stats/dashboard").json();
		long site = siteAt("live");
		String soon = Instant.now(clock).plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS).toString();
		admin().post(services(site),
				"{\"service_type\":\"email\",\"name\":\"5 mailboxes\",\"mailbox_count\":5,\"billing_period\":\"monthly\",\"price_cents\":999}");
		var ssl = admin().post(services(site),
				"{\"service_type\":\"ssl\",\"name\":\"SSL\",\"billing_period\":\"annual\",\"price_cents\":1200,\"expires_at\":\""
						+ soon + "\"}");
		admin().post(services(site),
				"{\"service_type\":\"website_maintenance\",\"name\":\"Set-up\",\"billing_period\":\"one_time\",\"price_cents\":70000}");
		admin().post(services(site),
				"{\"service_type\":\"hosting\",\"name\":\"Paused\",\"status\":\"suspended\",\"billing_period\":\"monthly\",\"price_cents\":5000}");
		var after = admin().get("/api/admin/hosting/stats/dashboard").json();

		assertThat(after.get("total_sites").asLong()).isEqualTo(before.get("total_sites").asLong() + 1);
		assertThat(after.get("live_sites").asLong()).isEqualTo(before.get("live_sites").asLong() + 1);
		assertThat(after.get("sites_by_status").get("live").asLong()).isEqualTo(after.get("live_sites").asLong());
		assertThat(after.get("active_services").asLong()).isEqualTo(before.get("active_services").asLong() + 3);
		long eurBefore = before.get("monthly_revenue_cents").has("EUR")
				? before.get("monthly_revenue_cents").get("EUR").asLong() : 0;
		assertThat(after.get("monthly_revenue_cents").get("EUR").asLong()).isEqualTo(eurBefore + 999 + 100);
		assertThat(after.get("services_by_type").get("ssl").asLong())
			.isEqualTo(before.get("services_by_type").get("ssl").asLong() + 1);
		boolean listed = false;
		for (var r : after.get("upcoming_renewals")) {
			if (r.get("service_id").asLong() == ssl.json().get("id").asLong()) {
				listed = true;
				assertThat(r.get("site_id").asLong()).isEqualTo(site);
				assertThat(r.get("service_name").asString()).isEqualTo("SSL");
				assertThat(r.get("expires_at").asString()).isEqualTo(soon);
			}
		}
		assertThat(listed).isTrue();
		assertThat(after.has("poc_sites")).isTrue();
	}

	@Test
	void dailyJobExpiresLapsedServicesAndSendsOneDigestPerDay() {
		long site = createSite(unique("Renewals")).get("id").asLong();
		Instant now = Instant.now(clock);
		var lapsed = admin().post(services(site),
				"{\"service_type\":\"domain\",\"name\":\"lapsed.lu\",\"billing_period\":\"annual\",\"price_cents\":1500,\"expires_at\":\""
						+ now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS) + "\"}");
		long lapsedId = lapsed.json().get("id").asLong();
		jdbc.sql("DELETE FROM agency_digest_runs WHERE day = CAST(? AS DATE)")
			.param(now.toString().substring(0, 10))
			.update();

		var first = renewalJob.runAt(now);
		assertThat(first.expired()).isGreaterThanOrEqualTo(1);
		assertThat(first.digestSent()).isTrue();
		assertThat(admin().get(services(site) + "/" + lapsedId).json().get("status").asString()).isEqualTo("expired");
		// another test's day may have sent a digest too: this day's names the lapsed
		// service
		var digest = mailbox().await(ADMIN, "renewal", m -> m.body().contains("lapsed.lu"));
		assertThat(digest.body()).contains("lapsed.lu");

		var second = renewalJob.runAt(now.plusSeconds(60));
		assertThat(second.digestSent()).isFalse();
		assertThat(second.expired()).isZero();
		assertThat(admin().get(services(site) + "/" + lapsedId).json().get("status").asString()).isEqualTo("expired");

		var renewed = admin().post(services(site) + "/" + lapsedId + "/renew", "");
		assertThat(renewed.json().get("status").asString()).isEqualTo("active");
		assertThat(Instant.parse(renewed.json().get("expires_at").asString())).isAfter(now.plus(Duration.ofDays(360)));
	}

	@Test
	void clientServicesJsonUsesTheSeedsFieldNames() {
		long site = createSite(unique("Fields")).get("id").asLong();
		var r = admin().post(services(site), ApiClient.json(java.util.Map.of("service_type", "email", "name",
				"5 mailboxes", "mailbox_count", 5, "billing_period", "monthly", "price_cents", 999)));
		assertThat(r.json().propertyNames()).contains("hosted_site_id", "service_type", "billing_period", "price_cents",
				"currency", "addon_product_id", "domain_name", "registrar", "mailbox_count", "expires_at",
				"period_start", "period_end", "auto_renew", "notes", "created_at", "updated_at");
	}

}
