package org.hostwright.accounts;

import java.time.Duration;

import org.hostwright.platform.KeyedLimiter;
import org.hostwright.platform.RateCounters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits sign-ups per client address (web form and API register alike), shared by every
 * node: each attempt takes a token, accepted or not, so the "e-mail already has an
 * account" answer cannot be used to test many addresses quickly.
 */
@Component
class SignUpThrottle {

	private final KeyedLimiter limiter;

	SignUpThrottle(RateCounters counters, @Value("${hostwright.signup.rate-limit:10}") int capacity,
			@Value("${hostwright.signup.rate-window:1h}") Duration window) {
		this.limiter = counters.shared("signup-address", capacity, window);
	}

	/** Takes one sign-up from the address's budget, or refuses with 429 and the wait. */
	void acquire(String address) {
		limiter.acquire(address);
	}

}
