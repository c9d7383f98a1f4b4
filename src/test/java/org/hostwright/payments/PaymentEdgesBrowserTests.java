package org.hostwright.payments;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The edges of paying in a real browser: a declined payment, then another number; the
 * countdown while waiting; cancelling the order after confirming. Screenshots at 1366 and
 * 375 px in target/screenshots/payments-edges-*.png.
 */
class PaymentEdgesBrowserTests extends BrowserTest {

	@Test
	void aDeclinedPaymentIsPaidFromAnotherNumberWhileACountdownRuns() {
		declinedOrder("Amani Other Number");
		both("payments-edges-01-declined");
		page.locator("#pay-phone").fill("0732345678");
		page.locator("#send-payment").click();
		assertThat(page.locator("#pay-phone-error")).isVisible();
		assertThat(page.locator("#pay-phone")).hasValue("0732345678");
		both("payments-edges-02-bad-number");
		page.locator("#pay-phone").fill("0684 123 456");
		page.locator("#send-payment").click();
		// the sandbox completes it in about two seconds; the order page lists who took it
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"),
				new com.microsoft.playwright.Page.WaitForURLOptions().setTimeout(30_000));
		assertThat(page.locator("#paid-notice")).isVisible();
		assertThat(page.getByText("AIRTEL-MONEY").first()).isVisible();
	}

	@Test
	void theWaitingPageCountsDownAndOffersSendingAgainOnlyOnceExpired() {
		order("Juma Waits", "0744000003");
		page.locator("#pay-button").click();
		assertThat(page.locator("#pay-countdown")).isVisible();
		assertThat(page.locator("#pay-remaining")).hasText(Pattern.compile("^[0-9]+:[0-5][0-9]$"));
		assertThat(page.locator("#send-again")).isDisabled();
		assertThat(page.locator("#pay-way-out a").first()).isVisible();
		both("payments-edges-03-waiting");
	}

	@Test
	void aDeclinedOrderIsCancelledAfterConfirming() {
		declinedOrder("Neema Cancels");
		page.onceDialog(dialog -> dialog.accept());
		page.locator("#cancel-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		assertThat(page.locator("#cancelled-notice")).isVisible();
		assertThat(page.locator("#order-status")).hasText(Pattern.compile("\\S"));
		assertThat(page.locator("#pay-button")).hasCount(0);
		both("payments-edges-04-cancelled");
	}

	private void declinedOrder(String name) {
		order(name, "0744000002");
		page.locator("#pay-button").click();
		page.locator("#pay-failed").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
	}

	private void order(String name, String phone) {
		page.navigate("/checkout/hollyn-lite");
		page.locator("#name").fill(name);
		page.locator("#email").fill(uniqueEmail("edges"));
		page.locator("#phone").fill(phone);
		page.locator("#password").fill("correct horse battery staple");
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
	}

	private void both(String name) {
		page.setViewportSize(1366, 900);
		screenshot(name + "-1366");
		page.setViewportSize(375, 800);
		screenshot(name + "-375");
		page.setViewportSize(1366, 900);
	}

}
