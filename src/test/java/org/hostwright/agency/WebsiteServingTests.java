package org.hostwright.agency;

import java.util.Map;

import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Websites: subdomains, serving by path and by Host header, live domains, suspension,
 * sanitising, preview.
 */
class WebsiteServingTests extends AgencyTestSupport {

	@Test
	void subdomainIsMadeFromTheBusinessNameWithAccentsFoldedAndANumberOnCollision() {
		String suffix = Long.toString(System.nanoTime(), 36);
		var first = createSite("Épicerie Élodie & Fils " + suffix);
		assertThat(first.get("subdomain").asString()).isEqualTo("epicerie-elodie-and-fils-" + suffix);
		var second = createSite("Épicerie Élodie & Fils " + suffix);
		assertThat(second.get("subdomain").asString()).isEqualTo("epicerie-elodie-and-fils-" + suffix + "-2");
		var third = createSite("epicerie elodie and fils " + suffix);
		assertThat(third.get("subdomain").asString()).isEqualTo("epicerie-elodie-and-fils-" + suffix + "-3");
		assertThat(first.get("store_id").asLong()).isNotEqualTo(second.get("store_id").asLong());
	}

	@Test
	void siteIsServedUnderSitesPathAndByHostHeaderWithItsOwnFramingPolicy() throws Exception {
		var site = createSite(unique("Garage Central"));
		String sub = site.get("subdomain").asString();
		action(site.get("id").asLong(), "mark-poc-ready", "{}");
		var page = web().get("/sites/" + sub + "/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Garage Central").contains("Welcome to");
		assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'self' http://localhost");

		var byHost = getWithHost(sub + ".sites.localhost", "/");
		assertThat(byHost.status()).isEqualTo(200);
		assertThat(byHost.body()).contains("Garage Central").doesNotContain("/sites/" + sub + "/home");
		assertThat(byHost.headers()).doesNotContainKey("set-cookie");
		assertThat(getWithHost(sub + ".sites.localhost", "/no-such-page").status()).isEqualTo(404);
		assertThat(getWithHost("nobody-" + System.nanoTime() + ".sites.localhost", "/").status()).isEqualTo(404);

		// the platform's own host is untouched
		var platform = getWithHost("localhost:" + port, "/login");
		assertThat(platform.status()).isEqualTo(200);
		assertThat(platform.body()).contains("name=\"password\"");
	}

	@Test
	void liveSiteAnswersOnItsDomainSuspendedShowsANeutralPageAndCancelledStopsServing() throws Exception {
		long id = siteAt("accepted");
		String sub = status(id).isEmpty() ? null
				: admin().get("/api/admin/hosting/sites/" + id).json().get("subdomain").asString();
		String domain = uniqueDomain("client");
		var live = action(id, "go-live",
				"{\"domain\":\"https://WWW." + domain.toUpperCase(java.util.Locale.ROOT) + "/\"}");
		assertThat(live.status()).isEqualTo(200);
		// stored without scheme, www. and path; served on the domain and on its www. name
		assertThat(live.json().get("live_domain").asString()).isEqualTo(domain);
		assertThat(getWithHost(domain, "/").status()).isEqualTo(200);
		assertThat(live.json().get("went_live_at").asString()).isNotBlank();
		assertThat(getWithHost("www." + domain, "/").status()).isEqualTo(200);

		assertThat(action(id, "suspend", "{}").status()).isEqualTo(200);
		var suspended = getWithHost("www." + domain, "/");
		assertThat(suspended.status()).isEqualTo(503);
		assertThat(suspended.body()).contains("temporarily unavailable");
		assertThat(web().get("/sites/" + sub + "/").status()).isEqualTo(503);

		assertThat(action(id, "reactivate", "{}").status()).isEqualTo(200);
		assertThat(getWithHost("www." + domain, "/").status()).isEqualTo(200);

		assertThat(action(id, "cancel", "{}").status()).isEqualTo(200);
		assertThat(web().get("/sites/" + sub + "/").status()).isEqualTo(404);
		// the domain is released and may be used by another site
		long other = siteAt("accepted");
		assertThat(action(other, "go-live", "{\"domain\":\"www." + domain + "\"}").status()).isEqualTo(200);
	}

	@Test
	void liveDomainIsValidatedAndUniqueAcrossSites() {
		String domain = uniqueDomain("unique");
		long first = siteAt("accepted");
		assertThat(action(first, "go-live", "{\"domain\":\"" + domain + "\"}").status()).isEqualTo(200);
		long second = siteAt("accepted");
		var taken = action(second, "go-live", "{\"domain\":\"" + domain + "\"}");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(status(second)).isEqualTo("accepted");
		var invalid = action(second, "go-live", "{\"domain\":\"not a domain\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"field\":\"domain\"");
		assertThat(action(second, "go-live", "{}").status()).isEqualTo(400);
		assertThat(action(second, "go-live", "{\"domain\":\"x.sites.localhost\"}").status()).isEqualTo(400);
		assertThat(status(second)).isEqualTo("accepted");
	}

	@Test
	void pagesWrittenInMarkdownAreRenderedAndSanitised() {
		var site = createSite(unique("Fleuriste"));
		long storeId = site.get("store_id").asLong();
		action(site.get("id").asLong(), "mark-poc-ready", "{}");
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var saved = admin
			.submit("/admin/websites/" + storeId + "/pages/new", "/admin/websites/" + storeId + "/pages", Map.of(
					"title", "About us", "slug", "", "sortOrder", "", "bodyMarkdown",
					"# Our story\n\n**Fresh** flowers.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) <img src=x onerror=alert(2)>"));
		assertThat(saved.status()).isEqualTo(302);
		var page = web().get("/sites/" + site.get("subdomain").asString() + "/about-us");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Our story</h1>")
			.contains("<strong>Fresh</strong>")
			.doesNotContain("<script>alert")
			.doesNotContain("javascript:")
			.doesNotContain("onerror");

		var duplicate = admin.submit("/admin/websites/" + storeId + "/pages/new",
				"/admin/websites/" + storeId + "/pages",
				Map.of("title", "About us", "slug", "about-us", "bodyMarkdown", "x"));
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.body()).contains("Another page of this site uses this slug");
	}

	@Test
	void previewIsPublicOnlyWhilePocReadyOrProposalSent() {
		long id = siteAt("draft");
		WebSession visitor = web();
		String previewPath = previewPath(id);
		assertThat(previewPath).matches("/hosting/sites/preview/[A-Za-z0-9_-]{32}");
		assertThat(visitor.get(previewPath).status()).isEqualTo(404);
		action(id, "mark-poc-ready", "{}");
		var preview = visitor.get(previewPath);
		assertThat(preview.status()).isEqualTo(200);
		String sub = admin().get("/api/admin/hosting/sites/" + id).json().get("subdomain").asString();
		assertThat(preview.body()).contains("HostWizard").contains("<iframe").contains("/sites/" + sub + "/");
		action(id, "send-proposal", "{\"notes\":\"n\"}");
		assertThat(visitor.get(previewPath).status()).isEqualTo(200);
		// the old, guessable address is gone
		assertThat(visitor.get("/hosting/sites/" + id + "/preview").status()).isEqualTo(404);
		action(id, "accept", "{}");
		assertThat(visitor.get(previewPath).status()).isEqualTo(404);
		assertThat(visitor.get("/hosting/sites/preview/" + "x".repeat(32)).status()).isEqualTo(404);
	}

}
