package org.hostwright.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.awaitility.Awaitility;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.Catalog;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.provisioning.HostingServices;
import org.hostwright.provisioning.ServiceStatus;
import org.hostwright.support.ApiClient;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page (public, customer, admin) checked by axe-core in a real browser, once at
 * laptop width: no serious or critical violation (a control without a name, an input
 * without a label, text without enough contrast, a missing page language...). The checker
 * is the {@code org.webjars.npm:axe-core} test dependency, injected as an init script so
 * the pages' Content-Security-Policy does not need to allow it. Each page is also saved
 * at 1366 and 375 px under target/screenshots/a11y for a person to look at (with
 * {@code -Dscreenshots=true}).
 */
class AccessibilityBrowserTests extends BrowserTest {

	static final String AXE = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3")
			+ "/axe.min.js";

	/**
	 * The serious and critical violations on the page, one line each with the first few
	 * elements that have them.
	 */
	static final String CHECK = """
			async () => {
			  const result = await axe.run(document, { resultTypes: ['violations'] });
			  return result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4)
			      .map(n => n.target.join(' ') + ' [' + n.any.concat(n.all).map(c => c.message).join('; ') + ']').join(' | '));
			}""";

	final List<String> problems = new ArrayList<>();

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	@Autowired
	Catalog catalog;

	@Autowired
	HostingServices services;

	@BeforeEach
	void injectAxe() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
			assertThat(in).as("axe-core on the test classpath at " + AXE).isNotNull();
			context.addInitScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		context.setDefaultTimeout(60_000);
		page.setViewportSize(1366, 900);
	}

	void check(String path) {
		page.navigate(path);
		page.waitForLoadState();
		@SuppressWarnings("unchecked")
		List<String> found = (List<String>) page.evaluate(CHECK);
		found.forEach(f -> problems.add(path + ": " + f));
		// the same page at laptop and phone width for a person to look at (a resize, not
		// a reload), when screenshots are asked for
		if (SCREENSHOTS) {
			String name = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
			screenshot("a11y/" + (name.isEmpty() ? "home" : name) + "-1366");
			page.setViewportSize(375, 900);
			screenshot("a11y/" + (name.isEmpty() ? "home" : name) + "-375");
			page.setViewportSize(1366, 900);
		}
	}

	String firstLink(String list, String selector) {
		page.navigate(list);
		return page.locator(selector).first().getAttribute("href");
	}

	@Test
	void publicAndCustomerPagesHaveNoSeriousViolations() {
		for (String path : List.of("/", "/plans", "/login", "/signup", "/password/forgot", "/checkout/hollyn-boost",
				"/terms", "/privacy", "/contact", "/no-such-page", "/password/reset?token=not-a-token")) {
			check(path);
		}
		// the agency's proposal preview, by the demo site's unguessable link
		jdbc.sql("SELECT preview_token FROM hosted_sites WHERE preview_token IS NOT NULL ORDER BY id")
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.ifPresent(token -> check("/hosting/sites/preview/" + token));
		page.navigate("/checkout/hollyn-boost");
		page.fill("#name", "Asha Mwinyi");
		page.fill("#email", uniqueEmail("a11y"));
		page.fill("#phone", "0754 123 456");
		page.fill("#password", "correct horse battery");
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		String order = page.url().replaceAll("^https?://[^/]+", "");
		for (String path : List.of(order, order.replace("/order/", "/pay/"), "/dashboard", "/account", "/me/services",
				"/me/invoices")) {
			check(path);
		}
		// the order's invoice, on its own page
		check(firstLink("/me/invoices", "table a[href^='/me/invoices/']"));
		assertThat(problems).as("serious or critical accessibility violations").isEmpty();
	}

	/**
	 * A customer with an active hosting account: its service page, the plan change's
	 * confirmation, the change waiting for payment, and its invoice; then the admin's
	 * service page with the plan changes.
	 */
	@Test
	void serviceAndPlanChangePagesHaveNoSeriousViolations() {
		String email = uniqueEmail("a11y-plan");
		long customer = accounts.register(NewAccount.customer("Asha Mwinyi", email, null, "correct horse battery"))
			.id();
		long lite = catalog.findBySlug("hollyn-lite").orElseThrow().id();
		OrderView order = orders.place(new PlaceOrder(customer, lite, "+255712345678",
				"a11y-" + Long.toString(System.nanoTime(), 36) + ".co.tz", "test"));
		orders.markPaid(order.id(), "REF-" + order.id(), "test");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> services.ofOrder(order.id()).map(s -> s.status() == ServiceStatus.ACTIVE).orElse(false));
		long service = services.ofOrder(order.id()).orElseThrow().id();

		page.navigate("/login");
		page.fill("#email", email);
		page.fill("#password", "correct horse battery");
		page.click("#signin");
		page.waitForURL(Pattern.compile(".*/dashboard.*"));
		check("/me/services/" + service);
		check("/me/services/" + service + "/plan?plan_slug=hollyn-boost");
		page.click("#plan-confirm-submit");
		page.waitForURL(Pattern.compile(".*/me/services/" + service + "$"));
		check("/me/services/" + service);
		String invoice = page.locator("#plan-change-pay").getAttribute("href");
		check(invoice);

		page.context().clearCookies();
		page.navigate("/login");
		page.fill("#email", LanguagesBrowserTests.ADMIN);
		page.fill("#password", LanguagesBrowserTests.ADMIN_PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin**", new Page.WaitForURLOptions().setTimeout(30_000));
		check("/admin/services/" + service);
		check(invoice.replace("/me/invoices/", "/admin/invoices/"));
		check("/admin/orders/" + order.uuid() + "/edit");
		assertThat(problems).as("serious or critical accessibility violations").isEmpty();
	}

	/** The agency's client accepts the proposal online: the page it lands on. */
	@Test
	void theAcceptedProposalPageHasNoSeriousViolations() {
		String suffix = Long.toString(System.nanoTime(), 36);
		ApiClient admin = api().signIn(LanguagesBrowserTests.ADMIN, LanguagesBrowserTests.ADMIN_PASSWORD);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("business_name", "Duka la Asha " + suffix);
		body.put("contact_name", "Asha Mwinyi");
		body.put("contact_email", "duka-" + suffix + "@example.test");
		long id = admin.post("/api/admin/hosting/sites", ApiClient.json(body)).json().get("id").asLong();
		String base = "/api/admin/hosting/sites/" + id;
		admin.post(base + "/services",
				"{\"service_type\":\"hosting\",\"name\":\"Website hosting\",\"billing_period\":\"annual\",\"price_cents\":18000,\"expires_at\":\"2027-06-30\"}");
		admin.post(base + "/mark-poc-ready", "{}");
		admin.post(base + "/send-proposal", "{\"notes\":\"Three pages.\"}");
		String preview = admin.get(base).json().get("preview_url").asString().replaceFirst("^https?://[^/]+", "");
		check(preview);
		page.check("#terms");
		page.click("#accept-proposal");
		page.waitForURL(Pattern.compile(".*/accepted$"));
		check(page.url().replaceAll("^https?://[^/]+", ""));
		assertThat(problems).as("serious or critical accessibility violations").isEmpty();
	}

	@Test
	void adminPagesHaveNoSeriousViolations() {
		page.navigate("/login");
		page.fill("#email", LanguagesBrowserTests.ADMIN);
		page.fill("#password", LanguagesBrowserTests.ADMIN_PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin**", new Page.WaitForURLOptions().setTimeout(30_000));
		for (String path : List.of("/admin", "/admin/users", "/admin/users/new", "/admin/orders", "/admin/orders/new",
				"/admin/services", "/admin/plans", "/admin/plans/new", "/admin/servers", "/admin/servers/new",
				"/admin/invoices", "/admin/billing/settings", "/admin/hosting", "/admin/hosting/sites",
				"/admin/hosting/sites/new", "/admin/prospects", "/admin/prospects/new", "/admin/hosting/clients",
				"/admin/audit", "/admin/outbox", "/admin/pages")) {
			check(path);
		}
		check(firstLink("/admin/users", "table a[href*='/admin/users/']"));
		String order = firstLink("/admin/orders", "table a[href*='/admin/orders/']");
		check(order);
		check(order + "/edit");
		check(firstLink("/admin/invoices", "table a[href^='/admin/invoices/']"));
		// a service page when the database has one (the journeys that pay for an order
		// create them)
		page.navigate("/admin/services");
		Locator service = page.locator("a[href^='/admin/services/']:not([href*='export'])");
		if (service.count() > 0) {
			check(service.first().getAttribute("href"));
		}
		check("/admin/hosting/sites/1");
		check(page.locator("#edit-website").getAttribute("href"));
		check(firstLink("/admin/users", "a[href$='/edit']"));
		check(firstLink("/admin/plans", "a[href$='/edit']"));
		check(firstLink("/admin/pages", "a[href^='/admin/pages/']"));
		assertThat(problems).as("serious or critical accessibility violations").isEmpty();
	}

}
