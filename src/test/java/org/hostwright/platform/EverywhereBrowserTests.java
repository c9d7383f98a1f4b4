package org.hostwright.platform;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page owes its reader, in a real browser: a skip link, errors tied to their
 * fields, money on one line and whole, short order numbers, admin tables usable on a 375
 * px phone, and a dashboard that says when its figures were computed. Screenshots under
 * target/screenshots/everywhere at 1366 and 375 px.
 */
class EverywhereBrowserTests extends BrowserTest {

	/**
	 * Elements whose text is wider than the element (cut) or that take more than one line
	 * (wrapped).
	 */
	static final String CUT_OR_WRAPPED = """
			selector => [...document.querySelectorAll(selector)]
			  .filter(el => el.offsetParent !== null)
			  .filter(el => el.scrollWidth > el.clientWidth + 1
			    || el.getClientRects().length > 1
			    || el.getBoundingClientRect().height > 1.5 * (parseFloat(getComputedStyle(el).lineHeight)
			         || 1.5 * parseFloat(getComputedStyle(el).fontSize)))
			  .map(el => el.className + ': ' + el.textContent.trim())""";

	void signInAsAdmin() {
		page.navigate("/login");
		page.fill("#email", LanguagesBrowserTests.ADMIN);
		page.fill("#password", LanguagesBrowserTests.ADMIN_PASSWORD);
		page.click("#signin");
		page.waitForURL("**/admin**", new Page.WaitForURLOptions().setTimeout(30_000));
	}

	void both(String name) {
		for (int width : new int[] { 375, 1366 }) {
			page.setViewportSize(width, 900);
			screenshot("everywhere/" + name + "-" + width);
		}
	}

	@Test
	void theFirstStopOfTheKeyboardIsASkipLinkThatMovesToTheContent() {
		for (String path : List.of("/", "/login", "/plans")) {
			page.navigate(path);
			// the first element the Tab key reaches (a page may put the caret in a field
			// first, as sign-in does)
			assertThat((String) page
				.evaluate("() => document.querySelector('a[href], button, input, select, textarea').id"))
				.isEqualTo("skip-link");
			Locator skip = page.locator("#skip-link");
			skip.focus();
			assertThat(skip).isFocused();
			assertThat(skip.boundingBox().width).as("visible once focused").isGreaterThan(20);
			page.keyboard().press("Enter");
			assertThat(page).hasURL(Pattern.compile(".*#content$"));
			assertThat(page.locator("#content")).isFocused();
		}
	}

	@Test
	void formErrorsAreTiedToTheirFields() {
		page.navigate("/signup");
		page.fill("#email", "not an address");
		page.click("#create-account");
		Locator email = page.locator("#email");
		assertThat(email).hasAttribute("aria-invalid", "true");
		String describedBy = email.getAttribute("aria-describedby");
		assertThat(describedBy).isNotBlank();
		assertThat(page.locator("#" + describedBy.split(" ")[describedBy.split(" ").length - 1])).isVisible();
		// a valid field is not marked
		assertThat(page.locator("#phone")).not().hasAttribute("aria-invalid", "true");
		both("signup-errors");
	}

	@Test
	void pricesStayOnOneLineAndWholeOnAPhoneAndALaptop() {
		for (int width : new int[] { 375, 1366 }) {
			page.setViewportSize(width, 900);
			page.navigate("/plans");
			@SuppressWarnings("unchecked")
			List<String> cut = (List<String>) page.evaluate(CUT_OR_WRAPPED, ".plan-price");
			assertThat(cut).as("plan prices at " + width + " px").isEmpty();
		}
		both("plans");
		signInAsAdmin();
		for (int width : new int[] { 375, 1366 }) {
			page.setViewportSize(width, 900);
			for (String path : List.of("/admin", "/admin/plans")) {
				page.navigate(path);
				@SuppressWarnings("unchecked")
				List<String> cut = (List<String>) page.evaluate(CUT_OR_WRAPPED, ".stat-value, .plan-revenue");
				assertThat(cut).as("figures on " + path + " at " + width + " px").isEmpty();
			}
		}
		page.navigate("/admin/plans");
		both("admin-plans");
	}

	@Test
	void customersAndAdminsSeeTheSameShortOrderNumber() {
		page.navigate("/checkout/hollyn-boost");
		page.fill("#name", "Neema Short");
		page.fill("#email", uniqueEmail("short-number"));
		page.fill("#phone", "0754 123 456");
		page.fill("#password", "correct horse battery");
		page.locator("#place-order").click();
		page.waitForURL(Pattern.compile(".*/order/[0-9a-f-]{36}$"));
		String uuid = page.url().replaceAll("^.*/order/", "");
		String number = uuid.substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		assertThat(page.locator("#order-number")).hasText(number);
		both("order");
		page.locator("#account-menu").click();
		page.locator("#signout").click();

		signInAsAdmin();
		page.navigate("/admin/orders?q=" + number);
		assertThat(page.locator("#orders-table tbody tr")).hasCount(1);
		assertThat(page.locator("#orders-table tbody")).containsText(number);
		page.navigate("/admin/orders/" + uuid);
		assertThat(page.locator("#order-uuid")).hasText(number);
	}

	@Test
	void adminTablesScrollOnAPhoneWithTheActionsInReach() {
		signInAsAdmin();
		page.setViewportSize(375, 800);
		page.navigate("/admin/users");
		Locator wrapper = page.locator("#users-table").locator("xpath=..");
		assertThat((Boolean) wrapper.evaluate("el => el.scrollWidth > el.clientWidth")).as("the table scrolls sideways")
			.isTrue();
		assertThat((String) wrapper.evaluate("el => getComputedStyle(el).overflowX")).isEqualTo("scroll");
		BoundingBox action = page.locator("#users-table tbody tr").first().locator("td").last().boundingBox();
		assertThat(action.x + action.width).as("the row's buttons are on screen").isLessThanOrEqualTo(375);
		screenshot("everywhere/admin-users-375");
		page.setViewportSize(1366, 900);
		screenshot("everywhere/admin-users-1366");
	}

	@Test
	void theAdminDashboardSaysWhenItsFiguresWereComputed() {
		signInAsAdmin();
		page.navigate("/admin");
		assertThat(page.locator("#figures-computed time")).hasAttribute("datetime", Pattern.compile("^\\d{4}-.*Z$"));
		// the test configuration computes on every view; the default says "every 30 s"
		assertThat(page.locator("#figures-every")).hasText("computed for every view");
		both("admin-dashboard");
	}

}
