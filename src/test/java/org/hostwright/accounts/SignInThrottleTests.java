package org.hostwright.accounts;

import java.time.Duration;

import org.hostwright.accounts.SignInThrottle.Attempt;
import org.hostwright.platform.KeyedLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	/**
	 * 3 per pair and per device, 5 per address, 8 per account for browsers without a
	 * device cookie.
	 */
	private final SignInThrottle throttle = new SignInThrottle(limiter(3), limiter(5), limiter(8), limiter(3));

	private static KeyedLimiter limiter(int capacity) {
		return KeyedLimiter.intervally(capacity, WINDOW, 1000);
	}

	private static Attempt from(String email, String address) {
		return Attempt.untrusted(email, address);
	}

	@Test
	void aPairIsBlockedAfterItsBudgetButTheSameAccountFromAnotherAddressIsNot() {
		for (int i = 0; i < 3; i++) {
			throttle.failed(from("asha@example.test", "10.0.0.1"));
		}
		assertThat(throttle.blockedFor(from("asha@example.test", "10.0.0.1")))
			.hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(WINDOW));
		assertThat(throttle.blockedFor(from("asha@example.test", "10.0.0.2"))).isEmpty();
		assertThat(throttle.blockedFor(from("other@example.test", "10.0.0.1"))).isEmpty();
	}

	@Test
	void thePairKeyIgnoresCaseAndSpacesSoVariantsShareOneBudget() {
		throttle.failed(from("Juma@Example.test", "10.1.0.1"));
		throttle.failed(from(" juma@example.TEST ", "10.1.0.1"));
		throttle.failed(from("juma@example.test", "10.1.0.1"));
		assertThat(throttle.blockedFor(from("JUMA@example.test", "10.1.0.1"))).isPresent();
	}

	@Test
	void anAddressIsBlockedAfterItsBudgetWhicheverAccountsItTries() {
		for (int i = 0; i < 5; i++) {
			throttle.failed(from("user" + i + "@example.test", "192.0.2.7"));
		}
		assertThat(throttle.blockedFor(from("fresh@example.test", "192.0.2.7"))).isPresent();
		assertThat(throttle.blockedFor(from("fresh@example.test", "192.0.2.8"))).isEmpty();
	}

	@Test
	void aDistributedAttackHitsTheAccountCapForNewBrowsersButNeverAKnownDevice() {
		for (int i = 0; i < 8; i++) {
			throttle.failed(from("admin@example.test", "203.0.113." + i));
		}
		assertThat(throttle.blockedFor(from("admin@example.test", "198.51.100.1"))).isPresent();
		assertThat(throttle.blockedFor(new Attempt("admin@example.test", "203.0.113.1", "1.device"))).isEmpty();
	}

	@Test
	void aKnownDeviceHasItsOwnBudgetAndFailuresOnItDoNotCountElsewhere() {
		Attempt device = new Attempt("neema@example.test", "10.2.0.1", "7.abc");
		for (int i = 0; i < 3; i++) {
			throttle.failed(device);
		}
		assertThat(throttle.blockedFor(device)).isPresent();
		assertThat(throttle.blockedFor(new Attempt("neema@example.test", "10.2.0.1", "7.other"))).isEmpty();
		assertThat(throttle.blockedFor(from("neema@example.test", "10.2.0.1"))).isEmpty();
	}

	@Test
	void aSuccessfulSignInClearsThePairsFailures() {
		throttle.failed(from("neema@example.test", "10.3.0.1"));
		throttle.failed(from("neema@example.test", "10.3.0.1"));
		throttle.succeeded(from("NEEMA@example.test", "10.3.0.1"));
		throttle.failed(from("neema@example.test", "10.3.0.1"));
		throttle.failed(from("neema@example.test", "10.3.0.1"));
		assertThat(throttle.blockedFor(from("neema@example.test", "10.3.0.1"))).isEmpty();
	}

	@Test
	void resetRequestsTakeFromThePairAndAddressButNotTheAccountCap() {
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.resetRequested("reset@example.test", "10.4.0." + i)).isEmpty();
			assertThat(throttle.resetRequested("reset@example.test", "10.4.0." + i)).isEmpty();
			assertThat(throttle.resetRequested("reset@example.test", "10.4.0." + i)).isEmpty();
		}
		assertThat(throttle.resetRequested("reset@example.test", "10.4.0.1")).isPresent();
		assertThat(throttle.blockedFor(from("reset@example.test", "10.4.0.9"))).isEmpty();
	}

	@Test
	void unknownAndMissingEmailsAreThrottledLikeAnyOther() {
		for (int i = 0; i < 3; i++) {
			throttle.failed(from(null, "10.5.0.1"));
		}
		assertThat(throttle.blockedFor(from(null, "10.5.0.1"))).isPresent();
	}

}
