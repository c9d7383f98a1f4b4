package org.hostwright.ordering;

import java.time.Duration;

import org.hostwright.platform.KeyedLimiter;
import org.hostwright.platform.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutThrottleTests {

	@Test
	void anAddressOverItsBudgetIsToldToWaitAndOthersAreNot() {
		CheckoutThrottle throttle = new CheckoutThrottle(KeyedLimiter.intervally(2, Duration.ofMinutes(10), 100));
		throttle.acquire("10.0.0.1");
		throttle.acquire("10.0.0.1");
		assertThatThrownBy(() -> throttle.acquire("10.0.0.1")).isInstanceOf(TooManyRequestsException.class)
			.matches(ex -> ((TooManyRequestsException) ex).retryAfterSeconds() > 0);
		throttle.acquire("10.0.0.2");
	}

}
