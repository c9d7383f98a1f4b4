package org.hostwright.ordering;

import java.time.Duration;

import org.hostwright.platform.KeyedLimiter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits orders placed per client address (web and API), so a script cannot fill the database with
 * pending orders. In memory per node (bounded, least recently used dropped first).
 */
@Component
class CheckoutThrottle {

	private static final int MAX_KEYS = 50_000;

	private final KeyedLimiter limiter;

	@Autowired
	CheckoutThrottle(CheckoutProperties properties) {
		this(properties.maxOrdersPerWindow(), properties.window());
	}

	CheckoutThrottle(int capacity, Duration window) {
		this.limiter = KeyedLimiter.intervally(capacity, window, MAX_KEYS);
	}

	/** Takes one order from the address's budget, or refuses with 429 and the wait. */
	void acquire(String address) {
		limiter.acquire(address);
	}

}
