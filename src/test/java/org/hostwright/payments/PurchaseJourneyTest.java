package org.hostwright.payments;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A newcomer's whole purchase in a real browser: plans → checkout → sandbox payment →
 * paid order.
 */
class PurchaseJourneyTest extends BrowserTest {

	@Test
	void browsePlansCheckOutAsANewCustomerPayInSandboxAndSeeTheOrderPaid() {
		page.navigate("/");
		assertThat(page.locator("#top-plans .plan-card")).hasCount(4);
		screenshot("sales-01-home");

		page.locator("a.nav-link[href='/plans']").click();
		assertThat(page.locator("#plan-list")).containsText("Hollyn Boost");
		screenshot("sales-02-plans");
		page.locator("#plan-hollyn-boost a").click();
		page.waitForURL("**/checkout/hollyn-boost");

		page.locator("#name").fill("Neema Journey");
		page.locator("#email").fill(uniqueEmail("journey"));
		page.locator("#phone").fill("0754 123 456");
		page.locator("#domain").fill("Neema-Shop.co.tz");
		page.locator("#password").fill("correct horse battery staple");
		screenshot("sales-03-checkout");
		page.locator("#place-order").click();

		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		assertThat(page.locator("#order-status")).hasText("Pending");
		assertThat(page.locator("main")).containsText("neema-shop.co.tz");
		screenshot("sales-04-order");

		page.locator("#pay-button").click();
		page.waitForURL(Pattern.compile(".*/pay/[0-9a-f-]{36}$"));
		assertThat(page.locator("#pay-provider")).hasText("M-PESA");
		screenshot("sales-05-waiting");

		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"), new Page.WaitForURLOptions().setTimeout(30_000));
		assertThat(page.locator("#paid-notice")).isVisible();
		assertThat(page.locator("#order-status")).hasText(Pattern.compile("Paid|Active"));
		screenshot("sales-06-paid");
	}

	@Test
	void aDeclinedPaymentOffersToTryAgain() {
		page.navigate("/checkout/hollyn-lite");
		page.locator("#name").fill("Baraka Declined");
		page.locator("#email").fill(uniqueEmail("declined"));
		page.locator("#phone").fill("0744000002");
		page.locator("#password").fill("correct horse battery staple");
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		page.locator("#pay-button").click();
		page.locator("#pay-failed").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(30_000));
		assertThat(page.locator("#send-payment")).isVisible();
		screenshot("sales-07-declined");
	}

}
