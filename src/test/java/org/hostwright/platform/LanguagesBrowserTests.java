package org.hostwright.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages in Swahili, French and German in a real browser, on a laptop and a
 * phone: nothing sticks out of the page or out of its button, badge or menu entry (German
 * words are long), and the screenshots under target/screenshots/i18n are there for a
 * person to read.
 */
class LanguagesBrowserTests extends BrowserTest {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	static final List<String> LANGUAGES = List.of("sw", "fr", "de");

	/**
	 * Elements whose text must fit inside them (labels that wrap are fine; clipped ones
	 * are not).
	 */
	static final String OVERFLOWING = """
			() => {
			  const out = [];
			  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
			    out.push('page is ' + document.documentElement.scrollWidth + 'px wide for a ' + window.innerWidth + 'px window');
			  }
			  for (const el of document.querySelectorAll('.btn, .badge, .nav-link, .dropdown-item, .form-label, th, .stat-label, .card-header')) {
			    if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 2) {
			      out.push(el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 60));
			    }
			  }
			  return out;
			}""";

	final List<String> problems = new ArrayList<>();

	void look(String path, String name) {
		// many pages, each loaded three times, on a busy machine: patience rather than
		// flakiness
		context.setDefaultTimeout(60_000);
		for (String lang : LANGUAGES) {
			// one load per language: the phone width is checked first, then the same page
			// is laid out again
			// at laptop width (a resize, not a reload) for its check and screenshot
			page.setViewportSize(390, 900);
			page.navigate(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
			page.waitForLoadState();
			assertThat(page.locator("html").getAttribute("lang")).as(path).isEqualTo(lang);
			for (int width : new int[] { 390, 1366 }) {
				page.setViewportSize(width, 900);
				@SuppressWarnings("unchecked")
				List<String> found = (List<String>) page.evaluate(OVERFLOWING);
				found.forEach(f -> problems.add(lang + " " + width + "px " + path + ": " + f));
			}
			screenshot("i18n/" + name + "-" + lang);
		}
	}

	@Test
	void publicAndCustomerPagesFitInEveryLanguage() {
		look("/", "home");
		look("/plans", "plans");
		look("/login", "login");
		look("/signup", "signup");
		look("/checkout/hollyn-boost", "checkout-visitor");

		String email = uniqueEmail("screens");
		page.navigate("/checkout/hollyn-boost?lang=de");
		page.fill("#name", "Asha Mwinyi");
		page.fill("#email", email);
		page.fill("#phone", "0754 123 456");
		page.fill("#password", "correct horse battery");
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		String order = page.url().replaceAll("^https?://[^/]+", "");
		look(order, "order");
		look("/dashboard", "dashboard");
		look("/account", "account");
		look("/me/services", "services");
		assertThat(problems).as("text cut or overflowing").isEmpty();
	}

	@Test
	void adminPagesFitInEveryLanguage() {
		page.navigate("/login");
		page.fill("#email", ADMIN);
		page.fill("#password", ADMIN_PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin**", new Page.WaitForURLOptions().setTimeout(30_000));
		try {
			adminPages();
		}
		finally {
			// switching saved the admin's choice: back to English for the other tests
			page.navigate("/admin?lang=en");
		}
		assertThat(problems).as("text cut or overflowing").isEmpty();
	}

	void adminPages() {
		look("/admin", "admin-dashboard");
		look("/admin/users", "admin-users");
		look("/admin/orders", "admin-orders");
		look("/admin/services", "admin-services");
		look("/admin/plans", "admin-plans");
		look("/admin/servers", "admin-servers");
		look("/admin/hosting", "agency-dashboard");
		look("/admin/hosting/sites", "agency-sites");
		look("/admin/hosting/sites/new", "agency-site-new");
		look("/admin/prospects", "agency-prospects");
		look("/admin/hosting/clients", "agency-clients");
		look("/admin/audit", "audit");
		look("/admin/outbox", "outbox");
	}

}
