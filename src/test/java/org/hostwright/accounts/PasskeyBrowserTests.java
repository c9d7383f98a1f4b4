package org.hostwright.accounts;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey ceremony in a real browser, with Chromium's virtual authenticator (CDP
 * WebAuthn): enrol on the security page, then sign in with it alone, then as the second
 * step after the password, then remove it.
 */
class PasskeyBrowserTests extends BrowserTest {

	static final String PASSWORD = "a long passkey password";

	@Autowired
	Accounts accounts;

	private void virtualAuthenticator() {
		CDPSession cdp = page.context().newCDPSession(page);
		cdp.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject args = new JsonObject();
		args.add("options", options);
		cdp.send("WebAuthn.addVirtualAuthenticator", args);
	}

	private void signInWithPassword(String email) {
		page.navigate("/login");
		page.locator("#email").fill(email);
		page.locator("#password").fill(PASSWORD);
		page.locator("#signin").click();
	}

	@Test
	void enrolAPasskeySignInWithItAloneAndAsTheSecondStepThenRemoveIt() {
		virtualAuthenticator();
		String email = uniqueEmail("browser-passkey");
		accounts.register(NewAccount.customer("Passkey Browser", email, null, PASSWORD));
		signInWithPassword(email);
		page.waitForURL("**/dashboard");

		page.navigate("/account/security");
		page.locator("#passkey-label").fill("Test laptop");
		screenshot("passkey-01-security");
		page.locator("#add-passkey").click();
		// the ceremony is three steps (options, the authenticator, the answer) and a
		// reload:
		// on a busy machine more than an assertion's default 5 s
		assertThat(page.locator(".passkey-label")).hasText("Test laptop",
				new LocatorAssertions.HasTextOptions().setTimeout(20_000));
		screenshot("passkey-02-enrolled");
		assertThat(audited(email, "auth.passkey_enrolled")).isOne();

		// the passkey alone signs in (the same browser keeps the virtual authenticator)
		page.context().clearCookies();
		page.navigate("/login");
		page.locator("#signin-passkey").click();
		page.waitForURL("**/dashboard");
		assertThat(audited(email, "auth.second_factor_used")).isOne();

		// with a passkey enrolled, the password is followed by the second step
		page.context().clearCookies();
		signInWithPassword(email);
		page.waitForURL("**/login/factor");
		screenshot("passkey-03-factor");
		page.locator("#use-passkey").click();
		page.waitForURL("**/dashboard");
		assertThat(audited(email, "auth.second_factor_used")).isEqualTo(2);

		// removing it asks for the password
		page.navigate("/account/security");
		page.locator("#passkey-password-0").fill(PASSWORD);
		page.locator("#remove-passkey-0").click();
		assertThat(page.locator(".passkey")).hasCount(0);
		assertThat(audited(email, "auth.passkey_removed")).isOne();
	}

	private long audited(String email, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor_email = ? AND action = ?")
			.params(email, action)
			.query(Long.class)
			.single();
	}

}
