package org.hostwright.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.hostwright.platform.RandomSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset by e-mail: single use, 30 minutes, and the same answer for unknown
 * addresses.
 */
class PasswordResetWebTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	String registered() {
		String email = uniqueEmail("reset");
		accounts.register(NewAccount.customer("Reset Me", email, null, PASSWORD));
		return email;
	}

	WebSession requestReset(String email) {
		WebSession web = web();
		var sent = web.submit("/password/forgot", "/password/forgot", Map.of("email", email));
		assertThat(sent.redirectsTo("/login")).isTrue();
		assertThat(web.follow(sent).body()).contains("If an account uses that e-mail, a reset link is on its way.");
		return web;
	}

	@Test
	void theLinkFromTheEmailSetsANewPasswordOnceOnly() {
		String email = registered();
		WebSession web = requestReset(email);
		var mail = mailbox().await(email, "Reset your");
		assertThat(mail.body()).contains("30 minutes");
		String link = mail.path("/password/reset");

		var form = web.get(link);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).doesNotContain("id=\"reset-invalid\"");
		String token = link.substring(link.indexOf("token=") + 6);

		var mismatch = web.post("/password/reset",
				Map.of("token", token, "password", "a new good secret", "confirm", "other"));
		assertThat(mismatch.body()).contains("The two passwords differ.");
		var tooShort = web.post("/password/reset", Map.of("token", token, "password", "short", "confirm", "short"));
		assertThat(tooShort.body()).contains("Use at least 12 characters.");

		var done = web.post("/password/reset",
				Map.of("token", token, "password", "a new good secret", "confirm", "a new good secret"));
		assertThat(done.redirectsTo("/login")).isTrue();
		assertThat(web.follow(done).body()).contains("Your password was changed. Sign in with it.");
		assertThat(web().signIn(email, "a new good secret").redirectsTo("/dashboard")).isTrue();
		assertThat(web().signIn(email, PASSWORD).redirectsTo("/login?error")).isTrue();

		// the same link a second time: refused, and the password stays
		assertThat(web.get(link).body()).contains("id=\"reset-invalid\"").contains("invalid, already used or expired");
		var replay = web.post("/password/reset",
				Map.of("token", token, "password", "attacker's choice!", "confirm", "attacker's choice!"));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).contains("id=\"reset-invalid\"");
		assertThat(web().signIn(email, "attacker's choice!").redirectsTo("/login?error")).isTrue();
	}

	@Test
	void aLinkOlderThanThirtyMinutesIsRefused() {
		String email = registered();
		WebSession web = requestReset(email);
		String link = mailbox().await(email, "Reset your").path("/password/reset");
		String token = link.substring(link.indexOf("token=") + 6);
		// the token was issued 31 minutes ago
		jdbc.sql("UPDATE account_tokens SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now(clock).minus(Duration.ofMinutes(1))), RandomSecrets.sha256(token))
			.update();

		assertThat(web.get(link).body()).contains("id=\"reset-invalid\"");
		var late = web.post("/password/reset",
				Map.of("token", token, "password", "too late secret", "confirm", "too late secret"));
		assertThat(late.body()).contains("id=\"reset-invalid\"");
		assertThat(web().signIn(email, PASSWORD).redirectsTo("/dashboard")).isTrue();
	}

	@Test
	void tokensExpireThirtyMinutesAfterIssueByTheClock() {
		String email = registered();
		long id = accounts.findByEmail(email).orElseThrow().id();
		String token = new AccountTokens(jdbc, clock).issue(id, AccountTokens.Purpose.PASSWORD_RESET);

		var at29 = new AccountTokens(jdbc, Clock.offset(clock, Duration.ofMinutes(29)));
		var at31 = new AccountTokens(jdbc, Clock.offset(clock, Duration.ofMinutes(31)));
		assertThat(at29.isValid(token, AccountTokens.Purpose.PASSWORD_RESET)).isTrue();
		assertThat(at31.isValid(token, AccountTokens.Purpose.PASSWORD_RESET)).isFalse();
		assertThat(at31.consume(token, AccountTokens.Purpose.PASSWORD_RESET)).isEmpty();
		// a token for one purpose is no good for another
		assertThat(at29.consume(token, AccountTokens.Purpose.EMAIL_VERIFICATION)).isEmpty();
		assertThat(at29.consume(token, AccountTokens.Purpose.PASSWORD_RESET)).contains(id);
		assertThat(at29.consume(token, AccountTokens.Purpose.PASSWORD_RESET)).isEmpty();
	}

	@Test
	void aNewLinkCancelsTheEarlierOne() {
		String email = registered();
		long id = accounts.findByEmail(email).orElseThrow().id();
		AccountTokens tokens = new AccountTokens(jdbc, clock);
		String first = tokens.issue(id, AccountTokens.Purpose.PASSWORD_RESET);
		String second = tokens.issue(id, AccountTokens.Purpose.PASSWORD_RESET);
		assertThat(tokens.isValid(first, AccountTokens.Purpose.PASSWORD_RESET)).isFalse();
		assertThat(tokens.isValid(second, AccountTokens.Purpose.PASSWORD_RESET)).isTrue();
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoMail() {
		String unknown = uniqueEmail("nobody");
		String known = registered();
		WebSession a = web();
		var forUnknown = a.submit("/password/forgot", "/password/forgot", Map.of("email", unknown));
		WebSession b = web();
		var forKnown = b.submit("/password/forgot", "/password/forgot", Map.of("email", known));
		assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(302);
		assertThat(forUnknown.location()).isEqualTo(forKnown.location());
		String unknownPage = a.follow(forUnknown).body();
		String knownPage = b.follow(forKnown).body();
		assertThat(unknownPage.replaceAll("value=\"[^\"]*\"|content=\"[^\"]*\"", ""))
			.isEqualTo(knownPage.replaceAll("value=\"[^\"]*\"|content=\"[^\"]*\"", ""));

		mailbox().await(known, "Reset your");
		assertThat(mailbox().count(unknown)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?")
			.param(unknown)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEmptyAddressIsAnInlineError() {
		var page = web().submit("/password/forgot", "/password/forgot", Map.of("email", ""));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("This field is required.");
	}

}
