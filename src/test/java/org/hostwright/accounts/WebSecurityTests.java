package org.hostwright.accounts;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF, headers, database sessions, access rules, error pages, sign-in limits and their
 * audit.
 */
class WebSecurityTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

	@Autowired
	Accounts accounts;

	@Value("${hostwright.signin.max-failures-per-address}")
	int perAddress;

	@Value("${hostwright.signin.max-failures-per-account}")
	int perAccount;

	String customer() {
		String email = uniqueEmail("sec");
		accounts.register(NewAccount.customer("Sec Customer", email, null, PASSWORD));
		return email;
	}

	/**
	 * A session that appears to come from its own client address (through the trusted
	 * loopback proxy).
	 */
	WebSession fromOwnAddress() {
		int n = ADDRESSES.incrementAndGet();
		return web().withHeader("X-Forwarded-For", "198.51." + (n / 250) % 250 + "." + (n % 250 + 1));
	}

	long audits(String email, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor_email = ? AND action = ?")
			.params(email, action)
			.query(Long.class)
			.single();
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() {
		String email = uniqueEmail("csrf");
		var noToken = web().post("/signup", Map.of("name", "No Token", "email", email, "password", PASSWORD));
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isZero();

		WebSession web = web();
		web.signIn(customer(), PASSWORD);
		web.get("/account");
		var forged = web.post("/account/profile",
				Map.of("_csrf", "forged", "name", "Hacked", "email", email, "phone", ""));
		assertThat(forged.status()).isEqualTo(403);
		var signOutWithoutToken = web().post("/logout", Map.of());
		assertThat(signOutWithoutToken.status()).isEqualTo(403);
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		var page = web().get("/login");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("script-src 'self'")
			.contains("frame-ancestors 'self'")
			.doesNotContain("'unsafe-eval'");
		assertThat(page.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(page.header("Cache-Control")).contains("no-store");
	}

	@Test
	void sessionsAreStoredInTheDatabaseSoAnyNodeCanServeThem() {
		String email = customer();
		WebSession web = web();
		web.signIn(email, PASSWORD);
		String cookie = web.cookie("SESSION");
		assertThat(cookie).isNotBlank();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
		web.signOut();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anonymousVisitorsGetNoSessionAndNoDatabaseWriteWhileFormsKeepTheirCsrfToken() {
		long sessionsBefore = jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
		WebSession visitor = web();
		for (String page : new String[] { "/", "/plans", "/login", "/signup" }) {
			var r = visitor.get(page);
			assertThat(r.status()).as(page).isEqualTo(200);
			assertThat(r.raw().headers().allValues("Set-Cookie")).as(page).noneMatch(c -> c.startsWith("SESSION="));
		}
		assertThat(visitor.cookie("SESSION")).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single())
			.isEqualTo(sessionsBefore);
		// the forms still carry a CSRF token (kept in an HttpOnly cookie, not a session)
		// and it still works
		var login = visitor.get("/login");
		assertThat(login.body()).contains("name=\"_csrf\"");
		assertThat(login.raw().headers().allValues("Set-Cookie"))
			.noneMatch(c -> c.startsWith("XSRF-TOKEN=") && !c.contains("HttpOnly"));
		assertThat(
				visitor.post("/login", Map.of("_csrf", "forged", "email", "x@example.test", "password", "x")).status())
			.isEqualTo(403);
		String email = customer();
		assertThat(visitor.signIn(email, PASSWORD).location()).doesNotContain("error");
		assertThat(visitor.cookie("SESSION")).isNotBlank();
	}

	@Test
	void theSessionIdChangesAtSignInSoAPlantedOneIsUseless() {
		WebSession web = web();
		web.get("/login");
		String before = web.cookie("SESSION");
		web.signIn(customer(), PASSWORD);
		assertThat(web.cookie("SESSION")).isNotBlank().isNotEqualTo(before);
	}

	@Test
	void customersAreRefusedTheAdminConsoleAndVisitorsAreSentToSignIn() {
		var anonymous = web().get("/admin");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.redirectsTo("/login")).isTrue();
		assertThat(web().get("/account").redirectsTo("/login")).isTrue();

		WebSession web = web();
		web.signIn(customer(), PASSWORD);
		var forbidden = web.get("/admin/audit");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.body()).contains("id=\"error-403\"").contains("You do not have access to this page.");
		assertThat(web.get("/admin").status()).isEqualTo(403);
	}

	@Test
	void anUnknownPageOrObjectIsAFriendly404() {
		WebSession web = web();
		web.signIn(customer(), PASSWORD);
		var missing = web.get("/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("id=\"error-404\"").contains("Page not found");

		String admin = uniqueEmail("admin404");
		accounts.createAdmin(admin, "Admin 404", PASSWORD);
		WebSession console = web();
		console.signIn(admin, PASSWORD);
		var unknownMessage = console.get("/admin/outbox/987654321");
		assertThat(unknownMessage.status()).isEqualTo(404);
		assertThat(unknownMessage.body()).contains("id=\"error-404\"");
		var badId = console.get("/admin/outbox/not-a-number");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.body()).doesNotContain("Exception");
	}

	@Test
	void anUnknownEmailAndAWrongPasswordAnswerIdentically() {
		String email = customer();
		WebSession a = fromOwnAddress();
		WebSession b = fromOwnAddress();
		var wrongPassword = a.signIn(email, "not the password");
		var unknownEmail = b.signIn(uniqueEmail("ghost"), "not the password");
		assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status()).isEqualTo(302);
		assertThat(wrongPassword.location()).isEqualTo(unknownEmail.location());
		assertThat(wrongPassword.location()).endsWith("/login?error");
		String first = a.follow(wrongPassword).body().replaceAll("(value|content)=\"[^\"]*\"", "");
		String second = b.follow(unknownEmail).body().replaceAll("(value|content)=\"[^\"]*\"", "");
		assertThat(first).isEqualTo(second).contains("The e-mail or password is not right.");
	}

	@Test
	void repeatedFailuresOnTheWebFormAreLimitedPerAccountWith429AndRetryAfter() {
		String email = customer();
		for (int i = 0; i < perAccount; i++) {
			// each failure from another address: the account's own budget is what runs
			// out
			assertThat(fromOwnAddress().signIn(email, "wrong " + i).redirectsTo("/login?error")).isTrue();
		}
		var blocked = fromOwnAddress().signIn(email, PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(blocked.body()).contains("id=\"error-429\"").contains("Too many attempts");
		// the API answers the same for that account
		var api = api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(api.status()).isEqualTo(429);
		assertThat(api.header("Retry-After")).isNotBlank();
		assertThat(api.contentType()).startsWith("application/problem+json");
	}

	@Test
	void repeatedFailuresFromOneAddressAreLimitedWhicheverAccountsItTries() {
		WebSession attacker = fromOwnAddress();
		for (int i = 0; i < perAddress; i++) {
			assertThat(attacker.signIn(uniqueEmail("spray" + i), "guess " + i).redirectsTo("/login?error")).isTrue();
		}
		String victim = customer();
		var blocked = attacker.signIn(victim, PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isNotBlank();
		// another address signs in to the same account normally
		assertThat(fromOwnAddress().signIn(victim, PASSWORD).redirectsTo("/dashboard")).isTrue();
	}

	@Test
	void signInsAndFailuresAreAudited() {
		String email = customer();
		WebSession web = fromOwnAddress();
		web.signIn(email, "not the password");
		web.signIn(email, PASSWORD);
		assertThat(audits(email, "auth.signin_failed")).isEqualTo(1);
		assertThat(audits(email, "auth.signin")).isEqualTo(1);
		String address = jdbc.sql("SELECT ip_address FROM audit_log WHERE actor_email = ? AND action = 'auth.signin'")
			.param(email)
			.query(String.class)
			.single();
		assertThat(address).startsWith("198.51.");
	}

}
