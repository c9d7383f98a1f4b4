package org.hostwright.billing;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.hostwright.platform.SandboxClock;
import org.hostwright.support.BrowserTest;
import org.hostwright.support.SandboxClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's billing in a real browser: buys a plan, finds the paid invoice and
 * downloads its PDF; a few weeks later (the sandbox clock moved, the billing run made the
 * renewal invoice) pays that invoice by mobile money from the Invoices page.
 */
class RenewalBrowserJourneyTests extends BrowserTest {

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	Clock clock;

	@Autowired
	Billing billing;

	@Autowired
	BillingRun run;

	@AfterEach
	void putTheClockBack() {
		SandboxClocks.putBack(clock, jdbc);
	}

	@Test
	void buyAPlanDownloadTheInvoiceThenPayTheRenewalFromTheInvoicesPage() throws Exception {
		String email = uniqueEmail("renewal-journey");
		page.navigate("/checkout/hollyn-lite");
		page.locator("#name").fill("Amani Renewal");
		page.locator("#email").fill(email);
		page.locator("#phone").fill("0754 123 456");
		page.locator("#password").fill(PASSWORD);
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		page.locator("#pay-button").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"), new Page.WaitForURLOptions().setTimeout(30_000));
		assertThat(page.locator("#paid-notice")).isVisible();

		page.navigate("/me/invoices");
		assertThat(page.locator("#invoices tbody tr")).hasCount(1);
		assertThat(page.locator("#invoices tbody tr").first()).containsText("Paid");
		screenshot("billing-01-invoices-paid");
		page.locator("#invoices tbody tr a").first().click();
		assertThat(page.locator("#invoice-status")).hasText("Paid");
		Download pdf = page.waitForDownload(() -> page.locator("#invoice-pdf").click());
		assertThat(pdf.suggestedFilename()).matches("INV-\\d{4}-\\d{6}\\.pdf");
		assertThat(new String(Files.readAllBytes(pdf.path()), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF");

		// three weeks on: the renewal is within the 14 days before its due date
		long customer = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
		LocalDate due = jdbc.sql("SELECT next_due_date FROM billing_subscriptions WHERE customer_id = ?")
			.param(customer)
			.query(java.sql.Date.class)
			.single()
			.toLocalDate();
		((SandboxClock) clock).advance(Duration.ofDays(due.toEpochDay() - billing.today().toEpochDay() - 10));
		run.run(billing.today());
		// back to today before paying: payments schedules its status check at the
		// platform clock's "now", which db-scheduler reads as real time, so with the
		// clock weeks ahead the check would wait weeks (a payments issue, reported)
		SandboxClocks.putBack(clock, jdbc);

		page.navigate("/me/invoices");
		if (page.url().contains("/login")) {
			// the session may have lapsed while the clock moved: sign in again
			page.locator("#email").fill(email);
			page.locator("#password").fill(PASSWORD);
			page.locator("#signin").click();
			page.navigate("/me/invoices");
		}
		assertThat(page.locator("#invoices tbody tr")).hasCount(2);
		assertThat(page.locator("#invoices tbody tr").first()).containsText("Unpaid");
		screenshot("billing-02-renewal-due");
		page.locator("#invoices tbody tr a").first().click();
		assertThat(page.locator("#pay-mobile-money")).isVisible();
		page.locator("#invoice-actions input[name=phone]").fill("0754 123 456");
		page.locator("#pay-mobile-money").click();
		page.waitForURL(Pattern.compile(".*/me/invoices/\\d+$"));
		screenshot("billing-03-renewal-paying");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!"Paid".equals(page.locator("#invoice-status").textContent().strip()) && System.nanoTime() < deadline) {
			page.waitForTimeout(500);
			page.reload();
		}
		assertThat(page.locator("#invoice-status")).hasText("Paid");
		screenshot("billing-04-renewal-paid");
		assertThat(jdbc.sql("SELECT next_due_date FROM billing_subscriptions WHERE customer_id = ?")
			.param(customer)
			.query(java.sql.Date.class)
			.single()
			.toLocalDate()).as("the paid renewal moved the due date one period on").isAfter(due);
	}

}
