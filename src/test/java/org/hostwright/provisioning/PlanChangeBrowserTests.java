package org.hostwright.provisioning;

import java.time.Duration;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.Catalog;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * "Upgrade plan" in a real browser: the customer picks a dearer plan on the service page,
 * sees the prorated price, confirms, sees the open change with its Pay link and its
 * invoice, then cancels it. Screenshots at 1366 and 375 px in
 * target/screenshots/plan-change-*.png.
 */
class PlanChangeBrowserTests extends BrowserTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	@Autowired
	Catalog catalog;

	@Autowired
	HostingServices services;

	@Test
	void theServicePageShowsTheOpenUpgradeWithItsPayLink() {
		String email = uniqueEmail("upgrade-browser");
		long customer = accounts.register(NewAccount.customer("Amina Juma", email, null, PASSWORD)).id();
		long lite = catalog.findBySlug("hollyn-lite").orElseThrow().id();
		OrderView order = orders
			.place(new PlaceOrder(customer, lite, "+255712345678", ProvisioningFixtures.domain("amina-"), "test"));
		orders.markPaid(order.id(), "REF-" + order.id(), "test");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> services.ofOrder(order.id()).map(s -> s.status() == ServiceStatus.ACTIVE).orElse(false));
		long serviceId = services.ofOrder(order.id()).orElseThrow().id();

		// the machine running the suite may be busy: a slow sign-in is not a failure
		context.setDefaultTimeout(60_000);
		page.navigate("/login");
		page.locator("#email").fill(email);
		page.locator("#password").fill(PASSWORD);
		page.locator("#signin").click();
		page.waitForURL(Pattern.compile(".*/dashboard.*"));
		// "Upgrade" on the dashboard leads to the service's plan change, not to a new
		// order
		page.locator("#browse-plans").click();
		page.waitForURL(Pattern.compile(".*/me/services/" + serviceId + "#plan-change$"));
		assertThat(page.locator("#plan_slug")).isVisible();
		both("plan-change-01-choose");
		page.locator("#plan_slug").selectOption("hollyn-boost");
		page.locator("#plan-change-submit").click();
		// the price before committing: the prorated difference and what renews next
		page.waitForURL(Pattern.compile(".*/me/services/" + serviceId + "/plan\\?plan_slug=hollyn-boost$"));
		assertThat(page.locator("#plan-quote-amount")).containsText("TZS");
		assertThat(page.locator("#plan-quote")).containsText("Hollyn Boost");
		both("plan-change-02-confirm");
		page.locator("#plan-confirm-submit").click();
		page.waitForURL(Pattern.compile(".*/me/services/" + serviceId + "$"));
		assertThat(page.locator("#plan-change-pay")).isVisible();
		assertThat(page.locator("#plan-change-status")).containsText("Hollyn Boost");
		both("plan-change-03-awaiting-payment");
		// a reload never makes a second change
		page.reload();
		assertThat(page.locator("#plan-change-pay")).hasCount(1);
		page.locator("#plan-change-pay").click();
		page.waitForURL(Pattern.compile(".*/me/invoices/\\d+$"));
		assertThat(page.locator("body")).containsText("Upgrade from Hollyn Lite to Hollyn Boost");
		both("plan-change-04-invoice");

		// changed their mind: cancel the change (confirmed), the invoice with it
		page.goBack();
		page.onceDialog(dialog -> dialog.accept());
		page.locator("#plan-change-cancel").click();
		page.waitForURL(Pattern.compile(".*/me/services/" + serviceId + "$"));
		assertThat(page.locator("#plan-change-status")).containsText("cancelled");
		assertThat(page.locator("#plan_slug")).isVisible();
		both("plan-change-05-cancelled");
	}

	private void both(String name) {
		page.setViewportSize(1366, 900);
		screenshot(name + "-1366");
		page.setViewportSize(375, 800);
		screenshot(name + "-375");
		page.setViewportSize(1366, 900);
	}

}
