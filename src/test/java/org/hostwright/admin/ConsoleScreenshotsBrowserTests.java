package org.hostwright.admin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.provisioning.HostingServices;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Renders every console page in a real browser at desktop and phone width (375 px),
 * checks each one drew without a script error, and saves screenshots under
 * target/screenshots for a person to review (with {@code -Dscreenshots=true}).
 */
class ConsoleScreenshotsBrowserTests extends BrowserTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	@Autowired
	HostingServices services;

	@Test
	void everyConsolePageRendersAtDesktopAndPhoneWidth() {
		String admin = uniqueEmail("shots-admin");
		accounts.register(NewAccount.customer("Shots Admin", admin, null, PASSWORD));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(admin).update();
		Account c = accounts.register(NewAccount.customer("Neema Mushi", uniqueEmail("neema"), "0712345678", PASSWORD));
		String slug = "shots-" + System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, 'Business', 3500000, 'TZS', 'MONTHLY', TRUE, 95, ?, ?)""")
			.params(slug, now, now)
			.update();
		long plan = jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
		OrderView paid = orders
			.place(new PlaceOrder(c.id(), plan, "+255712345678", "duka-" + System.nanoTime() + ".co.tz", "checkout"));
		orders.markPaid(paid.id(), "ZP-" + paid.id(), "payment confirmed by webhook");
		OrderView pending = orders.place(new PlaceOrder(c.id(), plan, "+255712345678", null, "checkout"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(40))
			.until(() -> services.ofOrder(paid.id())
				.filter(s -> s.status().live() || !s.status().inProgress())
				.isPresent());
		long service = services.ofOrder(paid.id()).orElseThrow().id();

		java.util.List<String> errors = new java.util.ArrayList<>();
		page.onPageError(errors::add);
		page.navigate("/login");
		page.fill("#email", admin);
		page.fill("#password", PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin");

		String[][] pages = { { "dashboard", "/admin" }, { "users", "/admin/users" },
				{ "users-search", "/admin/users?q=neema" }, { "user", "/admin/users/" + c.id() },
				{ "user-new", "/admin/users/new" }, { "user-edit", "/admin/users/" + c.id() + "/edit" },
				{ "user-credentials", "/admin/users/" + c.id() + "/credentials" }, { "orders", "/admin/orders" },
				{ "orders-pending", "/admin/orders?status=pending" }, { "order", "/admin/orders/" + paid.uuid() },
				{ "order-pending", "/admin/orders/" + pending.uuid() }, { "order-new", "/admin/orders/new" },
				{ "order-edit", "/admin/orders/" + pending.uuid() + "/edit" }, { "services", "/admin/services" },
				{ "service", "/admin/services/" + service } };
		for (int width : new int[] { 1366, 375 }) {
			page.setViewportSize(width, 900);
			for (String[] p : pages) {
				page.navigate(p[1]);
				assertThat(page.locator("h1").first()).isVisible();
				screenshot("console-" + p[0] + "-" + width);
			}
		}
		// the customer's own dashboard, seen through impersonation
		page.setViewportSize(1366, 900);
		page.navigate("/admin/users/" + c.id());
		page.click("#impersonate");
		page.waitForURL("**/dashboard");
		assertThat(page.locator("#customer-stats")).isVisible();
		screenshot("console-customer-dashboard-1366");
		page.setViewportSize(375, 900);
		page.reload();
		screenshot("console-customer-dashboard-375");
		org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
	}

}
