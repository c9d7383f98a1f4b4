package org.hostwright.accounts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15));

	@Test
	void anAccountIsBlockedAfterItsBudgetOfFailuresForAtMostTheWindow() {
		for (int i = 0; i < 2; i++) {
			throttle.failed("asha@example.test", "10.0.0." + i);
		}
		assertThat(throttle.blockedFor("asha@example.test", "10.0.0.9")).isEmpty();
		throttle.failed("asha@example.test", "10.0.0.3");
		assertThat(throttle.blockedFor("asha@example.test", "10.0.0.9")).hasValueSatisfying(
				wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
		assertThat(throttle.blockedFor("other@example.test", "10.0.0.9")).isEmpty();
	}

	@Test
	void theAccountKeyIgnoresCaseAndSpacesSoVariantsShareOneBudget() {
		throttle.failed("Juma@Example.test", "10.1.0.1");
		throttle.failed(" juma@example.TEST ", "10.1.0.2");
		throttle.failed("juma@example.test", "10.1.0.3");
		assertThat(throttle.blockedFor("JUMA@example.test", "10.1.0.4")).isPresent();
	}

	@Test
	void anAddressIsBlockedAfterItsBudgetWhicheverAccountsItTries() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("user" + i + "@example.test", "192.0.2.7");
		}
		assertThat(throttle.blockedFor("fresh@example.test", "192.0.2.7")).isPresent();
		assertThat(throttle.blockedFor("fresh@example.test", "192.0.2.8")).isEmpty();
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailures() {
		throttle.failed("neema@example.test", "10.2.0.1");
		throttle.failed("neema@example.test", "10.2.0.1");
		throttle.succeeded("NEEMA@example.test");
		throttle.failed("neema@example.test", "10.2.0.1");
		throttle.failed("neema@example.test", "10.2.0.1");
		assertThat(throttle.blockedFor("neema@example.test", "10.2.0.2")).isEmpty();
	}

	@Test
	void unknownAndMissingEmailsAreThrottledLikeAnyOther() {
		for (int i = 0; i < 3; i++) {
			throttle.failed(null, "10.3.0." + i);
		}
		assertThat(throttle.blockedFor(null, "10.3.0.9")).isPresent();
	}

}
