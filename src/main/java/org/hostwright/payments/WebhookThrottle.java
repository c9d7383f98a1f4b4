package org.hostwright.payments;

import java.time.Duration;

import org.hostwright.platform.KeyedLimiter;

import org.springframework.stereotype.Component;

/**
 * Requests per minute per client address on the webhook endpoint (in memory, per node).
 */
@Component
class WebhookThrottle {

	private final KeyedLimiter limiter;

	WebhookThrottle(PaymentsProperties properties) {
		this.limiter = KeyedLimiter.greedy(properties.webhookMaxPerMinute(), Duration.ofMinutes(1), 10_000);
	}

	void acquire(String address) {
		limiter.acquire(address);
	}

}
