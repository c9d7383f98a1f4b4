package org.hostwright.ordering;

import java.time.Duration;

import org.hostwright.platform.KeyedLimiter;
import org.hostwright.platform.RateCounters;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits orders placed per client address (web and API), so a script cannot fill the
 * database with pending orders. Shared by every node (counters in the database).
 */
@Component
class CheckoutThrottle {

	private final KeyedLimiter limiter;

	@Autowired
	CheckoutThrottle(RateCounters counters, CheckoutProperties properties) {
		this(counters.shared("checkout-address", properties.maxOrdersPerWindow(), properties.window()));
	}

	CheckoutThrottle(KeyedLimiter limiter) {
		this.limiter = limiter;
	}

	/** Takes one order from the address's budget, or refuses with 429 and the wait. */
	void acquire(String address) {
		limiter.acquire(address);
	}

}
