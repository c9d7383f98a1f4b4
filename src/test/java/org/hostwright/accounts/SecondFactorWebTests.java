package org.hostwright.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrolling an authenticator app, signing in with it, recovery codes, admins required to
 * enrol, the API.
 */
class SecondFactorWebTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	SecondFactors factors;

	static String secretOn(String page) {
		Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
		assertThat(m.find()).as("the page shows the key").isTrue();
		return m.group(1);
	}

	static List<String> codesOn(String page) {
		Matcher m = Pattern.compile("class=\"recovery-code\">([a-z0-9-]+)<").matcher(page);
		List<String> codes = new ArrayList<>();
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

	WebSession fromOwnAddress() {
		return web().withHeader("X-Forwarded-For", "192.0.2." + (System.nanoTime() % 250 + 1));
	}

	long audits(String email, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor_email = ? AND action = ?")
			.params(email, action)
			.query(Long.class)
			.single();
	}

	@Test
	void aCustomerEnrolsSignsInWithTheAppAndUsesARecoveryCodeOnce() {
		String email = uniqueEmail("totp");
		accounts.register(NewAccount.customer("Totp Customer", email, null, PASSWORD));
		WebSession web = fromOwnAddress();
		web.signIn(email, PASSWORD);
		String secret = secretOn(web.get("/account/security").body());
		var wrong = web.post("/account/security/totp", Map.of("code", "000000"));
		assertThat(wrong.body()).contains("is-invalid");
		var enrolled = web.post("/account/security/totp", Map.of("code", Totp.code(secret, Instant.now())));
		List<String> codes = codesOn(enrolled.body());
		assertThat(codes).hasSize(10);
		assertThat(audits(email, "auth.totp_enrolled")).isEqualTo(1);
		web.signOut();

		// the password alone now leads to the factor page, and nothing else opens
		WebSession next = fromOwnAddress();
		next.signIn(email, PASSWORD);
		assertThat(next.get("/dashboard").redirectsTo("/login/factor")).isTrue();
		assertThat(next.get("/account/security").redirectsTo("/login/factor")).isTrue();
		next.get("/login/factor");
		assertThat(next.post("/login/factor", Map.of("code", "123456")).body()).contains("id=\"factor-error\"");
		var withRecovery = next.post("/login/factor", Map.of("code", codes.get(0)));
		assertThat(withRecovery.redirectsTo("/dashboard")).isTrue();
		assertThat(next.get("/dashboard").status()).isEqualTo(200);
		next.signOut();

		// the same recovery code a second time is refused; the app's next code works
		WebSession third = fromOwnAddress();
		third.signIn(email, PASSWORD);
		third.get("/login/factor");
		assertThat(third.post("/login/factor", Map.of("code", codes.get(0))).body()).contains("id=\"factor-error\"");
		var withApp = third.post("/login/factor", Map.of("code", Totp.code(secret, Instant.now().plusSeconds(30))));
		assertThat(withApp.redirectsTo("/dashboard")).isTrue();
		assertThat(factors.recoveryCodesLeft(accounts.findByEmail(email).orElseThrow().id())).isEqualTo(9);
		assertThat(audits(email, "auth.second_factor_used")).isEqualTo(2);
		assertThat(audits(email, "auth.second_factor_failed")).isEqualTo(2);

		// removing it needs the password
		third.get("/account/security");
		third.post("/account/security/totp/remove", Map.of("password", "not it"));
		assertThat(factors.hasTotp(accounts.findByEmail(email).orElseThrow().id())).isTrue();
		third.get("/account/security");
		third.post("/account/security/totp/remove", Map.of("password", PASSWORD));
		assertThat(factors.hasTotp(accounts.findByEmail(email).orElseThrow().id())).isFalse();
		assertThat(audits(email, "auth.totp_removed")).isEqualTo(1);
	}

	@Test
	void anAdminIsSentToEnrolWhenRequiredAndTheApiAsksForTheCode() {
		Object original = ReflectionTestUtils.getField(factors, "adminRequired");
		ReflectionTestUtils.setField(factors, "adminRequired", true);
		try {
			String email = uniqueEmail("admin-2fa");
			accounts.createAdmin(email, "Required Admin", PASSWORD);
			var noFactor = api().post("/api/auth/token",
					"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
			assertThat(noFactor.status()).isEqualTo(400);

			WebSession web = fromOwnAddress();
			web.signIn(email, PASSWORD);
			assertThat(web.get("/admin").redirectsTo("/account/security")).isTrue();
			var page = web.get("/account/security");
			assertThat(page.body()).contains("id=\"must-enrol\"");
			String secret = secretOn(page.body());
			web.post("/account/security/totp", Map.of("code", Totp.code(secret, Instant.now())));
			assertThat(web.get("/admin").status()).isEqualTo(200);

			String token = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"";
			assertThat(api().post("/api/auth/token", token + "}").status()).isEqualTo(400);
			assertThat(api().post("/api/auth/token", token + ",\"totp_code\":\"000000\"}").status()).isEqualTo(400);
			var ok = api().post("/api/auth/token",
					token + ",\"totp_code\":\"" + Totp.code(secret, Instant.now().plusSeconds(30)) + "\"}");
			assertThat(ok.status()).isEqualTo(200);

			// revealing credentials through the API needs a fresh code in a header
			var client = api().withToken(ok.json().get("token").asText());
			var noCode = client.get("/api/admin/services/999999/credentials");
			assertThat(noCode.status()).isEqualTo(400);
			assertThat(noCode.body()).contains("X-TOTP-Code");
		}
		finally {
			ReflectionTestUtils.setField(factors, "adminRequired", original);
		}
	}

	@Test
	void theSandboxDemoAdminIsExemptUntilItEnrols() {
		Object original = ReflectionTestUtils.getField(factors, "adminRequired");
		ReflectionTestUtils.setField(factors, "adminRequired", true);
		try {
			var demo = new AccountUser(1, FirstAdmin.DEMO_EMAIL, "Demo", Role.ADMIN, true, false, "x");
			assertThat(factors.mustEnrol(demo)).isFalse();
			// an id no test user has: user 2 may have enrolled in another test of the
			// same run
			var other = new AccountUser(Long.MAX_VALUE, "someone-else@example.test", "Admin", Role.ADMIN, true, false,
					"x");
			assertThat(factors.mustEnrol(other)).isTrue();
		}
		finally {
			ReflectionTestUtils.setField(factors, "adminRequired", original);
		}
	}

}
