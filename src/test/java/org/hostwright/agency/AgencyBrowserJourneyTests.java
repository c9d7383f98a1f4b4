package org.hostwright.agency;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser: create site → edit a page → mark POC ready → preview → send proposal
 * → accept → go live.
 */
class AgencyBrowserJourneyTests extends BrowserTest {

	@Test
	void adminWalksASiteFromCreationToLive() {
		String suffix = Long.toString(System.nanoTime(), 36);
		String business = "Librairie Ardente " + suffix;
		page.navigate("/login");
		page.fill("#email", AgencyTestSupport.ADMIN);
		page.fill("#password", AgencyTestSupport.ADMIN_PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin**");

		page.navigate("/admin/hosting/sites/new");
		page.fill("#businessName", business);
		page.fill("#contactName", "Claire Ardente");
		page.fill("#contactEmail", "claire-" + suffix + "@example.test");
		page.fill("#contactPhone", "+352 26 00 00 00");
		page.click("#create-site");
		assertThat(page.locator("#site-status")).hasText("Draft");
		page.waitForLoadState();
		String siteUrl = page.url();
		screenshot("agency-site-draft");

		page.click("#edit-website");
		page.locator("#pages a.fw-semibold").first().click();
		page.fill("#bodyMarkdown", "## Books for every reader\n\nOpen **every day** in the old town.");
		page.click("#save-page");
		assertThat(page.locator("#flash")).isVisible();
		screenshot("agency-website-editor");

		page.navigate(siteUrl);
		page.click("#mark-poc-ready");
		assertThat(page.locator("#site-status")).hasText("POC ready");

		Page preview = context.waitForPage(() -> page.click("#open-preview"));
		preview.waitForLoadState();
		assertThat(preview.locator(".poc-banner")).containsText("HostWizard");
		assertThat(preview.frameLocator("iframe.poc-frame").locator(".prose")).containsText("Books for every reader");
		screenshot(preview, "agency-preview");
		preview.close();

		page.fill("#notes", "A three-page website with your catalogue.");
		page.click("#send-proposal");
		assertThat(page.locator("#site-status")).hasText("Proposal sent");

		page.click("#accept");
		assertThat(page.locator("#site-status")).hasText("Accepted");
		assertThat(page.locator("#temporary-password code")).not().isEmpty();

		page.fill("#domain", "librairie-" + suffix + ".lu");
		page.click("#go-live");
		assertThat(page.locator("#site-status")).hasText("Live");
		assertThat(page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("http://librairie-" + suffix + ".lu/")))
			.isVisible();
		page.waitForLoadState();
		assertThat(page.locator("#businessName")).isVisible();
		screenshot("agency-site-live");

		// the other admin pages, for a person to look at
		page.click("#services-tab");
		assertThat(page.locator("#add-service")).isVisible();
		screenshot("agency-site-services");
		for (String path : new String[] { "/admin/hosting", "/admin/hosting/sites", "/admin/hosting/clients",
				"/admin/prospects", "/admin/prospects/new", "/admin/hosting/sites/new" }) {
			page.navigate(path);
			assertThat(page.locator(".page-header h1")).isVisible();
			page.waitForLoadState();
			screenshot("agency" + path.replace('/', '-'));
		}
	}

}
