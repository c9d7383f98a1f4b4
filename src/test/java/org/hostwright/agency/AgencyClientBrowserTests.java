package org.hostwright.agency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, the agency's client: opens the proposal from its preview link,
 * accepts it online, chooses a password from the e-mail, and finds its website and
 * services under "My website".
 */
class AgencyClientBrowserTests extends BrowserTest {

	@Test
	void clientAcceptsTheProposalOnlineAndSeesItsWebsiteAndServices() {
		String suffix = Long.toString(System.nanoTime(), 36);
		String business = "Fromagerie Lumière " + suffix;
		String email = "fromagerie-" + suffix + "@example.test";
		ApiClient admin = api().signIn(AgencyTestSupport.ADMIN, AgencyTestSupport.ADMIN_PASSWORD);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("business_name", business);
		body.put("contact_name", "Léa Lumière");
		body.put("contact_email", email);
		JsonNode site = admin.post("/api/admin/hosting/sites", ApiClient.json(body)).json();
		long id = site.get("id").asLong();
		String base = "/api/admin/hosting/sites/" + id;
		assertThat(admin.post(base + "/services",
				"{\"service_type\":\"hosting\",\"name\":\"Website hosting\",\"billing_period\":\"annual\",\"price_cents\":18000,\"expires_at\":\"2027-06-30\"}")
			.status()).isEqualTo(201);
		assertThat(admin.post(base + "/mark-poc-ready", "{}").status()).isEqualTo(200);
		assertThat(admin.post(base + "/send-proposal", "{\"notes\":\"Three pages, your cheeses online.\"}").status())
			.isEqualTo(200);
		String preview = mailbox().await(email, suffix).path("/hosting/sites/preview/");

		page.navigate(preview);
		assertThat(page.locator(".poc-banner")).containsText("HostWizard");
		assertThat(page.locator("#proposal-notes")).containsText("your cheeses online");
		assertThat(page.locator("#proposal-prices")).containsText("Website hosting");
		screenshot("agency-client-proposal");
		page.click("#accept-proposal");
		assertThat(page.locator("#terms-error")).isVisible();
		page.check("#terms");
		page.click("#accept-proposal");
		assertThat(page.locator("#accepted h1")).isVisible();
		assertThat(page.locator("#check-mail")).containsText(email);
		screenshot("agency-client-accepted");
		// a reload shows the same page and accepts nothing twice
		page.reload();
		assertThat(page.locator("#accepted h1")).isVisible();

		assertThat(admin.post(base + "/go-live", "{\"domain\":\"fromagerie-" + suffix + ".lu\"}").status())
			.isEqualTo(200);

		String setPassword = mailbox().await(email, "account").path("/password/reset?token=");
		page.navigate(setPassword);
		page.fill("#password", "fromages et vins 2026");
		page.fill("#confirm", "fromages et vins 2026");
		page.click("button[type=submit]");
		page.waitForURL("**/login**");
		page.fill("#email", email);
		page.fill("#password", "fromages et vins 2026");
		page.click("#signin");
		page.waitForURL("**/dashboard**");
		assertThat(page.locator("#agency-client-card")).containsText("HostWizard");
		assertThat(page.locator("#browse-plans")).hasCount(0);
		screenshot("agency-client-dashboard");

		page.click("#nav-my-website");
		page.waitForURL("**/me/website");
		assertThat(page.locator(".agency-client-site h2")).hasText(business);
		assertThat(page.locator(".agency-client-site .site-link")).containsText("fromagerie-" + suffix + ".lu");
		assertThat(page.locator(".agency-client-site .client-services")).containsText("Website hosting");
		assertThat(page.locator(".agency-client-site .client-services")).containsText("180");
		screenshot("agency-client-my-website");
		page.setViewportSize(375, 800);
		screenshot("agency-client-my-website-375");
	}

}
