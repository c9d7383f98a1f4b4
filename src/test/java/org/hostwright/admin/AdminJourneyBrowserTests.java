package org.hostwright.admin;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser: an admin signs in, sees the dashboard, finds a user, views as them
 * and returns.
 */
class AdminJourneyBrowserTests extends BrowserTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Test
	void adminFindsAUserImpersonatesAndReturns() {
		String admin = uniqueEmail("journey-admin");
		accounts.register(NewAccount.customer("Journey Admin", admin, null, PASSWORD));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(admin).update();
		String marker = "Wanjiru" + Long.toString(System.nanoTime(), 36);
		Account customer = accounts
			.register(NewAccount.customer(marker + " Otieno", uniqueEmail("journey"), null, PASSWORD));

		page.navigate("/login");
		page.fill("#email", admin);
		page.fill("#password", PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin");
		assertThat(page.locator("#stat-cards")).isVisible();
		assertThat(page.locator("#orders-chart")).isVisible();
		screenshot("console-dashboard");

		page.click("a.nav-link[href='/admin/users']");
		page.fill("#q", marker);
		page.click("#search-users");
		Page.WaitForURLOptions o = new Page.WaitForURLOptions();
		page.waitForURL("**/admin/users?q=*", o);
		assertThat(page.locator("#users-table")).containsText(customer.email());
		screenshot("console-users-search");

		page.locator("tr[data-email='" + customer.email() + "'] button.impersonate").click();
		page.waitForURL("**/dashboard");
		assertThat(page.locator("#impersonation-banner")).containsText("Viewing as " + marker + " Otieno");
		assertThat(page.locator("h1")).containsText("Hello, " + marker);
		screenshot("console-impersonating");

		page.click("#impersonation-banner button[type=submit]");
		page.waitForURL("**/admin/users");
		assertThat(page.locator("#impersonation-banner")).hasCount(0);
		assertThat(page.locator("#users-table")).isVisible();
		Path.of("target").toFile();
	}

}
