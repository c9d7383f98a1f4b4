package org.hostwright.accounts;

import java.util.regex.Pattern;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The customer's first visit in a real browser: sign up, out, in, edit the profile, out.
 */
class AccountBrowserTests extends BrowserTest {

	@Test
	void signUpSignOutSignInEditProfileSignOut() {
		String email = uniqueEmail("browser");
		page.navigate("/signup");
		assertThat(page.locator("#sandbox-marker")).isVisible();
		page.locator("#name").fill("Baraka Mwita");
		page.locator("#email").fill(email);
		page.locator("#phone").fill("0712 345 678");
		page.locator("#password").fill("a long browser password");
		screenshot("01-signup");
		page.locator("#create-account").click();

		page.waitForURL("**/dashboard");
		assertThat(page.locator("h1")).hasText("Hello, Baraka Mwita");
		assertThat(page.locator("#flash")).containsText("We sent a confirmation link to " + email);
		screenshot("02-dashboard");

		signOut();
		page.waitForURL(Pattern.compile(".*/login\\?signedout$"));
		assertThat(page.getByText("You are signed out.")).isVisible();

		page.locator("#email").fill(email);
		page.locator("#password").fill("a long browser password");
		page.locator("#signin").click();
		page.waitForURL("**/dashboard");
		assertThat(page.locator("h1")).hasText("Hello, Baraka Mwita");

		page.navigate("/account");
		assertThat(page.locator("#phone")).hasValue("+255712345678");
		page.locator("#name").fill("Baraka M. Mwita");
		page.locator("#save-profile").click();
		page.waitForURL("**/account");
		assertThat(page.locator("#flash")).containsText("Your details were saved.");
		assertThat(page.locator("#name")).hasValue("Baraka M. Mwita");
		assertThat(page.locator("#account-menu")).containsText("Baraka M. Mwita");
		screenshot("03-profile-saved");

		signOut();
		page.waitForURL(Pattern.compile(".*/login\\?signedout$"));
		page.navigate("/dashboard");
		page.waitForURL("**/login");
		assertThat(page.getByRole(AriaRole.HEADING)).hasText("Welcome back");
	}

	@Test
	void aWrongPasswordShowsTheErrorOnTheFormOnAPhone() {
		page.setViewportSize(375, 740);
		page.navigate("/login");
		page.locator("#email").fill(uniqueEmail("nobody"));
		page.locator("#password").fill("not the password");
		page.locator("#signin").click();
		page.waitForURL("**/login?error");
		assertThat(page.locator("#login-error")).hasText("The e-mail or password is not right.");
		screenshot("04-login-error-mobile");
	}

	private void signOut() {
		Page p = page;
		if (!p.locator("#signout").isVisible()) {
			if (p.locator(".navbar-toggler").isVisible()) {
				p.locator(".navbar-toggler").click();
			}
			p.locator("#account-menu").click();
		}
		p.locator("#signout").click();
	}

}
