package org.hostwright.payments;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.hostwright.platform.TooManyRequestsException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Requests per minute per client address on the webhook endpoint (in memory, per node). */
@Component
class WebhookThrottle {

	private final int perMinute;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > 10_000;
		}
	};

	WebhookThrottle(@Value("${hostwright.payments.webhook-max-per-minute:300}") int perMinute) {
		this.perMinute = perMinute;
	}

	void acquire(String address) {
		Bucket bucket;
		synchronized (buckets) {
			bucket = buckets.computeIfAbsent(address, a -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
				.build());
		}
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

}
