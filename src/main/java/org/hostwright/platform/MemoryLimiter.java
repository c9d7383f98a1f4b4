package org.hostwright.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A {@link KeyedLimiter} in memory on this node: one Bucket4j bucket per key in a bounded
 * map that drops the least recently used keys first, so a flood of new keys cannot
 * exhaust memory. With N nodes a client gets at most N times the budget (see
 * {@link RateCounters} for a shared one).
 */
final class MemoryLimiter implements KeyedLimiter {

	private final Supplier<Bucket> newBucket;

	private final Map<String, Bucket> buckets;

	private MemoryLimiter(Supplier<Bucket> newBucket, int maxKeys) {
		this.newBucket = newBucket;
		this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}
		};
	}

	static MemoryLimiter intervally(int capacity, Duration window, int maxKeys) {
		return new MemoryLimiter(() -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
			.build(), maxKeys);
	}

	static MemoryLimiter greedy(int capacity, Duration window, int maxKeys) {
		return new MemoryLimiter(() -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build(), maxKeys);
	}

	@Override
	public void acquire(String key) {
		var probe = bucket(key).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	@Override
	public void consume(String key) {
		bucket(key).tryConsume(1);
	}

	@Override
	public Duration waitFor(String key) {
		Bucket b;
		synchronized (buckets) {
			b = buckets.get(key);
		}
		if (b == null || b.getAvailableTokens() > 0) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Math.max(1, b.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
	}

	@Override
	public void forget(String key) {
		synchronized (buckets) {
			buckets.remove(key);
		}
	}

	private Bucket bucket(String key) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(key, k -> newBucket.get());
		}
	}

}
