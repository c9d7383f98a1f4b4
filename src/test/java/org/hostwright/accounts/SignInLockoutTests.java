package org.hostwright.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hostwright.platform.RateCounters;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Knowing an admin's e-mail is not enough to lock the admin out; sign-ups are limited per
 * address.
 */
class SignInLockoutTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

	@Autowired
	Accounts accounts;

	@Autowired
	SignUpThrottle signUps;

	@Autowired
	RateCounters counters;

	@Value("${hostwright.signin.max-failures-per-pair:5}")
	int perPair;

	@Value("${hostwright.signin.max-failures-per-account}")
	int perAccount;

	WebSession fromOwnAddress() {
		int n = ADDRESSES.incrementAndGet();
		return web().withHeader("X-Forwarded-For", "203.0." + (n / 250) % 250 + "." + (n % 250 + 1));
	}

	String admin() {
		String email = uniqueEmail("lockout-admin");
		accounts.createAdmin(email, "Lockout Admin", PASSWORD);
		return email;
	}

	@Test
	void anAttackersFailuresFromAnotherAddressDoNotLockTheAdminOut() {
		String admin = admin();
		WebSession attacker = fromOwnAddress();
		for (int i = 0; i < perPair; i++) {
			assertThat(attacker.signIn(admin, "guess " + i).redirectsTo("/login?error")).isTrue();
		}
		// the attacker's own pair is blocked, even with the right password...
		assertThat(attacker.signIn(admin, PASSWORD).status()).isEqualTo(429);
		// ...while the admin, from anywhere else, gets in
		assertThat(fromOwnAddress().signIn(admin, PASSWORD).redirectsTo("/admin")).isTrue();
		var api = api().post("/api/auth/token", "{\"email\":\"" + admin + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(api.status()).isEqualTo(200);
	}

	@Test
	void aBrowserThatSignedInBeforeKeepsWorkingWhenTheAccountCapIsHit() {
		String admin = admin();
		WebSession known = fromOwnAddress();
		assertThat(known.signIn(admin, PASSWORD).redirectsTo("/admin")).isTrue();
		String device = known.cookie(DeviceCookies.NAME);
		assertThat(device).isNotBlank();
		known.signOut();

		// a botnet: failures spread over many addresses until the per-account cap for new
		// browsers is hit
		for (int i = 0; i < perAccount; i++) {
			fromOwnAddress().signIn(admin, "botnet guess " + i);
		}
		assertThat(fromOwnAddress().signIn(admin, PASSWORD).status()).isEqualTo(429);

		// the admin's own browser still gets in, and even its own typo does not block it
		assertThat(known.signIn(admin, "a typo").redirectsTo("/login?error")).isTrue();
		assertThat(known.signIn(admin, PASSWORD).redirectsTo("/admin")).isTrue();
		assertThat(known.cookie(DeviceCookies.NAME)).isEqualTo(device);

		// a forged cookie (another account's id, or a changed signature) is no key
		WebSession forger = fromOwnAddress();
		forger.addCookie(DeviceCookies.NAME, device.substring(0, device.length() - 3) + "abc");
		assertThat(forger.signIn(admin, PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void signUpsAreLimitedPerAddressOnTheWebAndTheApi() {
		Object original = ReflectionTestUtils.getField(signUps, "limiter");
		ReflectionTestUtils.setField(signUps, "limiter",
				counters.shared("signup-test-" + System.nanoTime(), 2, Duration.ofHours(1)));
		try {
			WebSession web = fromOwnAddress();
			for (int i = 0; i < 2; i++) {
				var page = web.submit("/signup", "/signup",
						Map.of("name", "Spam " + i, "email", uniqueEmail("spam"), "password", PASSWORD));
				assertThat(page.status()).isEqualTo(302);
				web.signOut();
			}
			var blocked = web.submit("/signup", "/signup",
					Map.of("name", "Spam", "email", uniqueEmail("spam"), "password", PASSWORD));
			assertThat(blocked.status()).isEqualTo(429);
			assertThat(blocked.header("Retry-After")).isNotBlank();
			// the API's register counts against the same address budget (here the
			// loopback's, now spent too)
			for (int i = 0; i < 2; i++) {
				api().post("/api/auth/register", "{\"name\":\"Api\",\"email\":\"" + uniqueEmail("api-spam")
						+ "\",\"password\":\"" + PASSWORD + "\"}");
			}
			var api = api().post("/api/auth/register", "{\"name\":\"Api\",\"email\":\"" + uniqueEmail("api-spam")
					+ "\",\"password\":\"" + PASSWORD + "\"}");
			assertThat(api.status()).isEqualTo(429);
			assertThat(api.header("Retry-After")).isNotBlank();
		}
		finally {
			ReflectionTestUtils.setField(signUps, "limiter", original);
		}
	}

}
