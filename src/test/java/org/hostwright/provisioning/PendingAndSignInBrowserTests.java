package org.hostwright.provisioning;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.support.ApiClient;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In a real browser: the pending panel action on the admin's and the customer's service
 * pages; checkout errors all at once; "sign in to continue your order" after a failed
 * sign-in that kept the e-mail. Screenshots at 1366 and 375 px in
 * target/screenshots/edges-*.png.
 */
class PendingAndSignInBrowserTests extends BrowserTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	@Autowired
	HostingServices services;

	@Autowired
	ServiceStore store;

	@Test
	void aPendingSuspensionIsShownUntilThePanelAnswers() {
		String email = uniqueEmail("pendingb");
		long customer = accounts.register(NewAccount.customer("Pendo Pending", email, null, PASSWORD)).id();
		OrderView order = orders
			.place(new PlaceOrder(customer, planId(), "+255712345678", ProvisioningFixtures.domain("pendb-"), "test"));
		orders.markPaid(order.id(), "REF-" + order.id(), "test");
		await().atMost(patience())
			.until(() -> services.ofOrder(order.id()).filter(s -> s.status() == ServiceStatus.ACTIVE).isPresent());
		long id = services.ofOrder(order.id()).orElseThrow().id();

		signIn("admin@hostwright.local", "sandbox-admin-2026");
		page.navigate("/admin/services/" + id);
		assertThat(page.locator("#suspend-reason")).isVisible();
		both("edges-01-admin-service-actions");
		store.markPending(id, PanelAction.SUSPEND, "Invoice INV-12 is 30 days overdue", Instant.now());
		page.navigate("/admin/services/" + id);
		assertThat(page.locator("#pending-action")).containsText("INV-12");
		both("edges-02-admin-service-pending");
		// the page refreshes itself: once the answer is recorded, the notice goes
		store.clearPending(id);
		assertThat(page.locator("#pending-action")).hasCount(0,
				new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(10_000));

		context.clearCookies();
		store.markPending(id, PanelAction.SUSPEND, "Invoice INV-12 is 30 days overdue", Instant.now());
		signIn(email, PASSWORD);
		page.navigate("/me/services/" + id);
		assertThat(page.locator("#pending-action")).isVisible();
		both("edges-03-customer-service-pending");
		store.clearPending(id);
	}

	@Test
	void checkoutShowsEveryErrorAndSignInToContinueComesBackToIt() {
		String email = uniqueEmail("continue");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "Continue", "email", email, "password", PASSWORD)));
		page.navigate("/checkout/hollyn-lite");
		page.locator("#email").fill("nope");
		page.locator("#phone").fill("12");
		page.locator("#domain").fill("bad domain");
		page.locator("#password").fill("short");
		page.locator("#place-order").click();
		assertThat(page.locator("#name")).hasClass(Pattern.compile("is-invalid"));
		assertThat(page.locator("#phone")).hasClass(Pattern.compile("is-invalid"));
		assertThat(page.locator("#password")).hasValue("");
		both("edges-04-checkout-errors");

		page.locator("#name").fill("Continue");
		page.locator("#email").fill(email);
		page.locator("#phone").fill("0754123456");
		page.locator("#domain").fill("continued.co.tz");
		page.locator("#password").fill(PASSWORD);
		page.locator("#place-order").click();
		page.locator("#sign-in-to-continue").click();
		page.locator("#email").fill(email);
		page.locator("#password").fill("not the password");
		page.locator("#signin").click();
		assertThat(page.locator("#login-error")).isVisible();
		assertThat(page.locator("#email")).hasValue(email);
		both("edges-05-sign-in-failed");
		page.locator("#password").fill(PASSWORD);
		page.locator("#signin").click();
		page.waitForURL(Pattern.compile(".*/checkout/hollyn-lite\\?.*"));
		assertThat(page.locator("#domain")).hasValue("continued.co.tz");
		assertThat(page.locator("#phone")).hasValue("0754123456");
		both("edges-06-checkout-continued");
	}

	private long planId() {
		return jdbc.sql("SELECT id FROM plans WHERE slug = 'hollyn-lite'").query(Long.class).single();
	}

	private void signIn(String email, String password) {
		page.navigate("/login");
		page.locator("#email").fill(email);
		page.locator("#password").fill(password);
		page.locator("#signin").click();
		page.waitForURL(Pattern.compile(".*/(admin|dashboard).*"));
	}

	private void both(String name) {
		page.setViewportSize(1366, 900);
		screenshot(name + "-1366");
		page.setViewportSize(375, 800);
		screenshot(name + "-375");
		page.setViewportSize(1366, 900);
	}

}
