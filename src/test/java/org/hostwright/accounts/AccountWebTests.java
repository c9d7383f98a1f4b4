package org.hostwright.accounts;

import java.util.Map;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up, sign-in and out, remember-me, profile, password change and deletion over real
 * HTTP.
 */
class AccountWebTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	/** Signs a new customer up through the form; the session is then signed in. */
	WebSession signedUp(String email, String name) {
		WebSession web = web();
		var page = web.submit("/signup", "/signup", Map.of("name", name, "email", email, "password", PASSWORD));
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.redirectsTo("/dashboard")).isTrue();
		return web;
	}

	long idOf(String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(Long.class).single();
	}

	@Test
	void signUpWithBadInputShowsInlineErrorsAndCreatesNothing() {
		WebSession web = web();
		var page = web.submit("/signup", "/signup", Map.of("name", "", "email", "not-an-email", "password", PASSWORD));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("is-invalid")
			.contains("This field is required.")
			.contains("Enter a valid e-mail address.");
		assertThat(page.body()).contains("value=\"not-an-email\"");

		String email = uniqueEmail("short");
		var weak = web.submit("/signup", "/signup", Map.of("name", "Asha", "email", email, "password", "too short"));
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("Use at least 12 characters.");

		var phone = web.submit("/signup", "/signup",
				Map.of("name", "Asha", "email", email, "phone", "12345", "password", PASSWORD));
		assertThat(phone.body()).contains("Enter a valid phone number");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void signingUpWithATakenEmailSaysSoNextToTheField() {
		String email = uniqueEmail("taken");
		signedUp(email, "First Owner");
		var again = web().submit("/signup", "/signup",
				Map.of("name", "Second", "email", email.toUpperCase(java.util.Locale.ROOT), "password", PASSWORD));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("An account with this e-mail already exists").contains("is-invalid");
	}

	@Test
	void signUpSignsInThenSignOutAndBackIn() {
		String email = uniqueEmail("journey");
		WebSession web = signedUp(email, "Asha Juma");
		var dashboard = web.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Hello, Asha Juma").contains("We sent a confirmation link to " + email);

		var out = web.signOut();
		assertThat(out.redirectsTo("/login?signedout")).isTrue();
		assertThat(web.follow(out).body()).contains("You are signed out.");
		assertThat(web.get("/dashboard").redirectsTo("/login")).isTrue();

		var in = web.signIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD);
		assertThat(in.redirectsTo("/dashboard")).isTrue();
		assertThat(web.get("/dashboard").status()).isEqualTo(200);
	}

	@Test
	void rememberMeKeepsTheUserSignedInAfterTheSessionCookieIsGone() {
		String email = uniqueEmail("remember");
		signedUp(email, "Remember Me").signOut();
		WebSession web = web();
		var in = web.submit("/login", "/login", Map.of("email", email, "password", PASSWORD, "remember-me", "on"));
		assertThat(in.redirectsTo("/dashboard")).isTrue();
		String rememberMe = web.cookie("remember-me");
		assertThat(rememberMe).isNotBlank();
		assertThat(in.raw().headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("remember-me=").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM persistent_logins WHERE username = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);

		// a browser restarted: only the long-lived cookie is left
		WebSession restarted = web();
		restarted.addCookie("remember-me", rememberMe);
		var dashboard = restarted.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Hello, Remember Me");

		// without it, the same fresh browser is sent to sign in
		assertThat(web().get("/dashboard").redirectsTo("/login")).isTrue();
	}

	@Test
	void withoutRememberMeNoLongLivedCookieIsIssued() {
		String email = uniqueEmail("noremember");
		signedUp(email, "Short Session").signOut();
		WebSession web = web();
		web.signIn(email, PASSWORD);
		assertThat(web.cookie("remember-me")).isNull();
		assertThat(web.cookie("SESSION")).isNotBlank();
	}

	@Test
	void theVerificationLinkFromTheEmailConfirmsTheAddressOnce() {
		String email = uniqueEmail("verify");
		WebSession web = signedUp(email, "Verify Me");
		assertThat(web.get("/account").body()).contains("id=\"verify-reminder\"");
		String link = mailbox().await(email, "Confirm your e-mail").path("/verify-email");

		var confirmed = web.follow(web.get(link));
		assertThat(confirmed.body()).contains("Your e-mail address is confirmed.")
			.doesNotContain("id=\"verify-reminder\"");
		assertThat(jdbc.sql("SELECT email_verified_at FROM users WHERE email = ?")
			.param(email)
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();

		var reused = web.follow(web.get(link));
		assertThat(reused.body()).contains("This confirmation link is invalid or expired.");
	}

	@Test
	void profileEditSavesNameEmailAndPhoneAndRefusesAnInvalidPhoneInline() {
		String email = uniqueEmail("profile");
		WebSession web = signedUp(email, "Old Name");
		String newEmail = uniqueEmail("profile-new");

		var bad = web.submit("/account", "/account/profile",
				Map.of("name", "New Name", "email", newEmail, "phone", "12"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Enter a valid phone number").contains("is-invalid");
		assertThat(accounts.require(idOf(email)).name()).isEqualTo("Old Name");

		var saved = web.submit("/account", "/account/profile",
				Map.of("name", "New Name", "email", newEmail, "phone", "0712 345 678"));
		assertThat(saved.redirectsTo("/account")).isTrue();
		var page = web.follow(saved);
		assertThat(page.body()).contains("Your details were saved.")
			.contains("value=\"New Name\"")
			.contains("+255712345678");
		Account account = accounts.findByEmail(newEmail).orElseThrow();
		assertThat(account.name()).isEqualTo("New Name");
		assertThat(account.phone()).isEqualTo("+255712345678");
		assertThat(account.emailVerified()).isFalse();
		// the new address gets its own confirmation link
		mailbox().await(newEmail, "Confirm your e-mail");
		// the menu shows the new name at once (the principal was refreshed)
		assertThat(web.get("/dashboard").body()).contains("Hello, New Name");
	}

	@Test
	void profileEmailUsedByAnotherAccountIsRefusedInline() {
		String other = uniqueEmail("other");
		signedUp(other, "Other");
		WebSession web = signedUp(uniqueEmail("mine"), "Mine");
		var page = web.submit("/account", "/account/profile", Map.of("name", "Mine", "email", other, "phone", ""));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("This e-mail is used by another account.");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOne() {
		String email = uniqueEmail("chpw");
		WebSession web = signedUp(email, "Change Pw");
		var wrong = web.submit("/account", "/account/password",
				Map.of("currentPassword", "not my password", "newPassword", "a brand new secret"));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("The current password is not right.");

		var shortOne = web.submit("/account", "/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "short"));
		assertThat(shortOne.body()).contains("Use at least 12 characters.");

		var ok = web.submit("/account", "/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"));
		assertThat(ok.redirectsTo("/account")).isTrue();
		assertThat(web.follow(ok).body()).contains("Your password was changed.");
		web.signOut();
		assertThat(web().signIn(email, PASSWORD).redirectsTo("/login?error")).isTrue();
		assertThat(web().signIn(email, "a brand new secret").redirectsTo("/dashboard")).isTrue();
	}

	@Test
	void deletingTheAccountErasesItAndSignsOut() {
		String email = uniqueEmail("delete");
		WebSession web = signedUp(email, "Leaving Soon");
		long id = idOf(email);

		var wrong = web.submit("/account", "/account/delete", Map.of("password", "not my password"));
		assertThat(web.follow(wrong).body()).contains("The password is not right; nothing was deleted.");

		var deleted = web.submit("/account", "/account/delete", Map.of("password", PASSWORD));
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(web.follow(deleted).body()).contains("Your account was deleted.");
		assertThat(web.get("/dashboard").redirectsTo("/login")).isTrue();
		assertThat(accounts.find(id)).isEmpty();
		assertThat(jdbc.sql("SELECT name FROM users WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Deleted user");
		assertThat(web().signIn(email, PASSWORD).redirectsTo("/login?error")).isTrue();
		// the address is free again
		signedUp(email, "Back Again");
	}

	@Test
	void deletionIsRefusedWithAClearMessageWhileAGuardSaysNo() {
		String email = uniqueEmail("guarded");
		WebSession web = signedUp(email, "Has Services");
		long id = idOf(email);
		RefusingDeletionGuard.REFUSED.add(id);
		try {
			var refused = web.submit("/account", "/account/delete", Map.of("password", PASSWORD));
			assertThat(refused.redirectsTo("/account")).isTrue();
			assertThat(web.follow(refused).body()).contains("This account still has active services");
			assertThat(accounts.find(id)).isPresent();
			assertThat(web.get("/dashboard").status()).isEqualTo(200);
		}
		finally {
			RefusingDeletionGuard.REFUSED.remove(id);
		}
	}

	@Test
	void aTemporaryPasswordMustBeReplacedBeforeAnythingElseIsReachable() {
		String email = uniqueEmail("temp");
		TemporaryCredentials creds = accounts.createWithTemporaryPassword("Agency Client", email, null);
		assertThat(creds.account().mustChangePassword()).isTrue();
		// the e-mail carries a link to choose a password, never the temporary password
		// (handed over in person)
		assertThat(mailbox().await(email, "account").body()).doesNotContain(creds.temporaryPassword())
			.contains("/password/reset?token=");

		WebSession web = web();
		var in = web.signIn(email, creds.temporaryPassword());
		assertThat(in.redirectsTo("/account/password/new")).isTrue();
		for (String path : new String[] { "/dashboard", "/account", "/plans/anything" }) {
			var blocked = web.get(path);
			assertThat(blocked.status()).as(path).isEqualTo(302);
			assertThat(blocked.redirectsTo("/account/password/new")).as(path).isTrue();
		}
		var form = web.get("/account/password/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("You signed in with a temporary password.");

		var mismatch = web.post("/account/password/new",
				Map.of("password", "my own password", "confirm", "something else"));
		assertThat(mismatch.body()).contains("The two passwords differ.");
		assertThat(web.get("/dashboard").redirectsTo("/account/password/new")).isTrue();

		var saved = web.submit("/account/password/new", "/account/password/new",
				Map.of("password", "my own password", "confirm", "my own password"));
		assertThat(saved.redirectsTo("/dashboard")).isTrue();
		assertThat(web.get("/dashboard").status()).isEqualTo(200);
		assertThat(accounts.require(creds.account().id()).mustChangePassword()).isFalse();
		web.signOut();
		assertThat(web().signIn(email, "my own password").redirectsTo("/dashboard")).isTrue();
	}

}
