package org.hostwright.accounts;

import java.time.Instant;
import java.util.regex.Pattern;

import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser: enrol an authenticator app (code computed here), sign in with it, a
 * recovery code once.
 */
class SecondFactorBrowserTests extends BrowserTest {

	static final String PASSWORD = "a long browser password";

	@Autowired
	Accounts accounts;

	private void signIn(String email) {
		page.navigate("/login");
		page.locator("#email").fill(email);
		page.locator("#password").fill(PASSWORD);
		page.locator("#signin").click();
	}

	private void signOut() {
		page.context().clearCookies();
	}

	@Test
	void enrolSignInWithTheAppAndUseARecoveryCodeOnlyOnce() {
		String email = uniqueEmail("browser-totp");
		accounts.register(NewAccount.customer("Totp Browser", email, null, PASSWORD));
		signIn(email);
		page.waitForURL("**/dashboard");

		page.navigate("/account");
		page.locator("#security-link").click();
		page.waitForURL("**/account/security");
		String secret = page.locator("#totp-secret").textContent().strip();
		page.locator("#totp-code").fill(Totp.code(secret, Instant.now()));
		screenshot("totp-01-enrol");
		page.locator("#enrol-totp").click();
		assertThat(page.locator(".recovery-code")).hasCount(10);
		String recovery = page.locator(".recovery-code").first().textContent().strip();
		screenshot("totp-02-recovery-codes");
		page.locator("#codes-saved").click();
		assertThat(page.locator("#totp-on")).isVisible();

		// sign in with the app's (next) code
		signOut();
		signIn(email);
		page.waitForURL("**/login/factor");
		page.locator("#code").fill(Totp.code(secret, Instant.now().plusSeconds(30)));
		screenshot("totp-03-factor");
		page.locator("#factor-submit").click();
		page.waitForURL("**/dashboard");

		// a recovery code works once...
		signOut();
		signIn(email);
		page.waitForURL("**/login/factor");
		page.locator("#code").fill(recovery);
		page.locator("#factor-submit").click();
		page.waitForURL("**/dashboard");
		assertThat(page.locator("#flash")).containsText("9 left");

		// ...and is refused the second time
		signOut();
		signIn(email);
		page.waitForURL("**/login/factor");
		page.locator("#code").fill(recovery);
		page.locator("#factor-submit").click();
		assertThat(page.locator("#factor-error")).isVisible();
		assertThat(page).hasURL(Pattern.compile(".*/login/factor$"));
		screenshot("totp-04-recovery-refused");
	}

}
