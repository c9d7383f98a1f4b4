package org.hostwright.ordering;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.hostwright.platform.TooManyRequestsException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits orders placed per client address (web and API), so a script cannot fill the database with
 * pending orders. In memory per node (bounded, least recently used dropped first).
 */
@Component
class CheckoutThrottle {

	private static final int MAX_KEYS = 50_000;

	private final int capacity;

	private final Duration window;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_KEYS;
		}
	};

	CheckoutThrottle(@Value("${hostwright.checkout.max-orders-per-window:20}") int capacity,
			@Value("${hostwright.checkout.window:10m}") Duration window) {
		this.capacity = capacity;
		this.window = window;
	}

	/** Takes one order from the address's budget, or refuses with 429 and the wait. */
	void acquire(String address) {
		Bucket bucket;
		synchronized (buckets) {
			bucket = buckets.computeIfAbsent(address, a -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
				.build());
		}
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

}
