package org.hostwright.provisioning;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The setup of a hosting account in a real browser: the order page follows it by itself
 * to "Open control panel"; a failed one says so on the order, the customer dashboard and
 * the admin dashboard. Screenshots at 1366 and 375 px in target/screenshots/setup-*.png.
 */
class SetupBrowserTests extends BrowserTest {

	@Test
	void theOrderPageRefreshesByItselfUntilOpenControlPanel() {
		buy("Zawadi Waits", ProvisioningFixtures.domain("flaky-"));
		page.locator("#order-setup").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
		both("setup-01-in-progress");
		// no reload by the test: htmx replaces the card until the account is ready
		assertThat(page.locator("#order-setup .open-panel"))
			.isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
		assertThat(page.locator("#order-setup")).containsText(Pattern.compile("\\S"));
		both("setup-02-ready");
	}

	@Test
	void aFailedSetupIsShownOnTheOrderAndBothDashboards() {
		buy("Baraka Broken", ProvisioningFixtures.domain("broken-"));
		page.locator("#order-setup .setup-failed").waitFor(new Locator.WaitForOptions().setTimeout(40_000));
		both("setup-03-failed-order");
		page.navigate("/dashboard");
		assertThat(page.locator("#c-failed")).hasText("1");
		both("setup-04-customer-dashboard");
		context.clearCookies();
		page.navigate("/login");
		page.locator("#email").fill("admin@hostwright.local");
		page.locator("#password").fill("sandbox-admin-2026");
		page.locator("#signin").click();
		page.waitForURL(Pattern.compile(".*/admin.*"));
		page.navigate("/admin");
		assertThat(page.locator("#failed-services-link")).isVisible();
		both("setup-05-admin-dashboard");
		page.locator("#failed-services-link").click();
		page.waitForURL(Pattern.compile(".*/admin/services\\?status=failed$"));
	}

	private void buy(String name, String domain) {
		page.navigate("/checkout/hollyn-lite");
		page.locator("#name").fill(name);
		page.locator("#email").fill(uniqueEmail("setup"));
		page.locator("#phone").fill("0754123456");
		page.locator("#domain").fill(domain);
		page.locator("#password").fill("correct horse battery staple");
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		page.locator("#pay-button").click();
		page.waitForURL(Pattern.compile(".*/pay/[0-9a-f-]{36}$"));
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"),
				new com.microsoft.playwright.Page.WaitForURLOptions().setTimeout(30_000));
	}

	private void both(String name) {
		page.setViewportSize(1366, 900);
		screenshot(name + "-1366");
		page.setViewportSize(375, 800);
		screenshot(name + "-375");
		page.setViewportSize(1366, 900);
	}

}
