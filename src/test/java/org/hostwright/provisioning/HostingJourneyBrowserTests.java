package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Instant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A real browser: the order is paid, the service appears and becomes active, the panel
 * opens by SSO.
 */
class HostingJourneyBrowserTests extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	@Autowired
	HostingServices services;

	@Test
	void payThenWatchTheServiceBecomeActiveThenOpenTheControlPanel() {
		String email = uniqueEmail("journey");
		long customer = accounts.register(NewAccount.customer("Amani Juma", email, null, "correct horse battery")).id();
		String slug = "journey-" + System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, 'Hollyn Boost', 4500000, 'TZS', 'MONTHLY', TRUE, 99, ?, ?)""")
			.params(slug, now, now)
			.update();
		long plan = jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();

		page.navigate("/login");
		page.fill("#email", email);
		page.fill("#password", "correct horse battery");
		page.click("#signin");
		page.waitForURL(url -> !url.contains("/login"));

		// flaky- fails twice before it works, so the page shows the setup in progress
		// first
		String domain = "flaky-journey" + Long.toString(System.nanoTime(), 36) + ".co.tz";
		OrderView order = orders.place(new PlaceOrder(customer, plan, "+255712345678", domain, "checkout"));
		orders.markPaid(order.id(), "MPESA-" + order.id(), "payment confirmed");

		page.navigate("/me/services");
		awaitServiceCard(order);
		screenshot("provisioning-1-setting-up");
		page.waitForSelector(".service-card[data-status=active]",
				new Page.WaitForSelectorOptions().setTimeout(30_000).setState(WaitForSelectorState.VISIBLE));
		assertThat(page.locator(".service-card .service-status")).containsText("Active");
		screenshot("provisioning-2-active");

		page.click(".service-card .open-panel");
		page.waitForURL(url -> url.contains("/sess"));
		assertThat(page.locator("#signed-in")).containsText("signed in as");
		screenshot("provisioning-3-control-panel");

		HostingService service = services.ofOrder(order.id()).orElseThrow();
		page.navigate("/me/services/" + service.id());
		screenshot("provisioning-4-service");
		String link = mailbox().await(email.toLowerCase(java.util.Locale.ROOT), "is ready").link("/credentials?token=");
		page.navigate(link);
		assertThat(page.locator("#cred-username")).hasValue(service.panelUsername());
		screenshot("provisioning-5-credentials-once");
		page.navigate(link);
		assertThat(page.locator("#credentials-spent")).isVisible();

		context.clearCookies();
		page.navigate("/login");
		page.fill("#email", "admin@hostwright.local");
		page.fill("#password", "sandbox-admin-2026");
		page.click("#signin");
		page.waitForURL(url -> !url.contains("/login"));
		page.navigate("/admin/services/" + service.id());
		page.click("#reveal-credentials");
		page.waitForSelector("#admin-cred-pass");
		screenshot("provisioning-6-admin-service");
		page.navigate("/admin/services?q=" + domain);
		assertThat(page.locator("#services-grid")).containsText(domain);
		screenshot("provisioning-7-admin-services");
		page.navigate("/admin/servers");
		screenshot("provisioning-8-panel-servers");
	}

	/**
	 * The service appears a moment after the payment commits (the page polls while the
	 * order waits for setup). When it does not, the failure says where the journey stood:
	 * the page the browser is on, the order's service, and the order's event if its
	 * listener has not completed.
	 */
	private void awaitServiceCard(OrderView order) {
		try {
			// as long as the wait for "active" below: CI machines share their cores
			page.waitForSelector("#my-services .service-card", new Page.WaitForSelectorOptions().setTimeout(30_000));
		}
		catch (PlaywrightException ex) {
			String section = page.locator("main").count() > 0 ? page.locator("main").innerHTML() : page.content();
			throw new AssertionError("no service card for order " + order.id() + " at " + page.url() + "; services: "
					+ jdbc.sql("SELECT id, status FROM services WHERE order_id = ?")
						.param(order.id())
						.query()
						.listOfRows()
					+ "; events not completed: "
					+ jdbc.sql(
							"SELECT listener_id, event_type, status, completion_attempts, publication_date FROM event_publication WHERE completion_date IS NULL")
						.query()
						.listOfRows()
					+ "; page: " + section.substring(0, Math.min(section.length(), 2000)), ex);
		}
	}

}
