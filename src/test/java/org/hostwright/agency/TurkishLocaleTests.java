package org.hostwright.agency;

import java.util.Locale;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency journey with the JVM's default locale set to Turkish, where
 * {@code "live".toUpperCase()} is {@code "LİVE"} and {@code "PENDING".toLowerCase()} is
 * {@code "pendıng"}: every case change on data must use {@code Locale.ROOT}, or reading a
 * site, prospect, client service or website fails.
 */
class TurkishLocaleTests extends AgencyTestSupport {

	@Test
	void agencyJourneyReadsBackUnderATurkishDefaultLocale() throws Exception {
		Locale saved = Locale.getDefault();
		try {
			Locale.setDefault(new Locale("tr", "TR"));
			long id = siteAt("live");
			var site = admin().get("/api/admin/hosting/sites/" + id);
			assertThat(site.status()).as(site.body()).isEqualTo(200);
			assertThat(site.json().get("status").asString()).isEqualTo("live");
			assertThat(admin().get("/api/admin/hosting/sites?status=live").status()).isEqualTo(200);

			var prospect = admin().post("/api/admin/prospects", ApiClient.json(Map.of("business_name",
					unique("Inci Kebap"), "domain", uniqueDomain("inci"), "contact_email", uniqueEmail("inci"))));
			assertThat(prospect.status()).as(prospect.body()).isEqualTo(201);
			var readProspect = admin().get("/api/admin/prospects/" + prospect.json().get("id").asLong());
			assertThat(readProspect.status()).as(readProspect.body()).isEqualTo(200);
			assertThat(readProspect.json().get("status").asString()).isEqualTo("new");

			String services = "/api/admin/hosting/sites/" + id + "/services";
			var service = admin().post(services, "{\"service_type\":\"website_maintenance\",\"name\":\"Editing\","
					+ "\"billing_period\":\"monthly\",\"price_cents\":1900}");
			assertThat(service.status()).as(service.body()).isEqualTo(201);
			var list = admin().get(services);
			assertThat(list.status()).as(list.body()).isEqualTo(200);
			assertThat(list.json().get(0).get("service_type").asString()).isEqualTo("website_maintenance");
			assertThat(list.json().get(0).get("billing_period").asString()).isEqualTo("monthly");

			String subdomain = site.json().get("subdomain").asString();
			var website = web().get("/sites/" + subdomain + "/");
			assertThat(website.status()).isEqualTo(200);
			String domain = site.json().get("live_domain").asString();
			assertThat(getWithHost(domain, "/").status()).isEqualTo(200);
		}
		finally {
			Locale.setDefault(saved);
		}
	}

}
