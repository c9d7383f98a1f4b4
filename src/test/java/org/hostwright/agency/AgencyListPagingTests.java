package org.hostwright.agency;

import java.util.Map;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency list pages page through results and keep their filters from page to page.
 */
class AgencyListPagingTests extends AgencyTestSupport {

	@Test
	void prospectListLinksTheNextPageWithItsSearchKept() {
		String term = "Pagerbakery" + System.nanoTime();
		ApiClient admin = admin();
		for (int i = 1; i <= AgencyPagesController.PAGE_SIZE + 1; i++) {
			var created = admin.post("/api/admin/prospects",
					ApiClient.json(Map.of("business_name", term + " " + i, "contact_email", uniqueEmail("pager"))));
			assertThat(created.status()).isEqualTo(201);
		}
		var web = web();
		web.signIn(ADMIN, ADMIN_PASSWORD);

		var first = web.get("/admin/prospects?q=" + term);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("class=\"pagination mb-0\"")
			.containsPattern("href=\"/admin/prospects\\?[^\"]*q=" + term + "[^\"]*page=2\"");

		var second = web.get("/admin/prospects?q=" + term + "&page=2");
		assertThat(second.status()).isEqualTo(200);
		long rowsOnSecond = second.body().split(term + " ", -1).length - 1;
		assertThat(rowsOnSecond).isEqualTo(1);
	}

	@Test
	void siteListApiCarriesEachSitesWebsiteAddress() {
		String name = unique("Listed Atelier");
		var site = createSite(name);
		var list = admin().get("/api/admin/hosting/sites?q="
				+ java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(list.status()).isEqualTo(200);
		var items = list.json().get("items");
		assertThat(items.size()).isEqualTo(1);
		assertThat(items.get(0).get("id").asLong()).isEqualTo(site.get("id").asLong());
		assertThat(items.get(0).get("site_url").asString()).isEqualTo(site.get("site_url").asString())
			.contains(site.get("subdomain").asString());
		// the list row is the same view as the site's own answer
		assertThat(items.get(0)).isEqualTo(admin().get("/api/admin/hosting/sites/" + site.get("id").asLong()).json());
	}

}
