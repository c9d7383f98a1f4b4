package org.hostwright.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A rate limit per key (a client address, an e-mail): one Bucket4j bucket per key, kept in memory
 * on this node in a bounded map that drops the least recently used keys first, so a flood of new keys
 * cannot exhaust memory. With N nodes a client gets at most N times the budget.
 */
public final class KeyedLimiter {

	private final Supplier<Bucket> newBucket;

	private final Map<String, Bucket> buckets;

	private KeyedLimiter(Supplier<Bucket> newBucket, int maxKeys) {
		this.newBucket = newBucket;
		this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}
		};
	}

	/** {@code capacity} tokens per key, all given back at once when each {@code window} ends. */
	public static KeyedLimiter intervally(int capacity, Duration window, int maxKeys) {
		return new KeyedLimiter(() -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
			.build(), maxKeys);
	}

	/** {@code capacity} tokens per key, given back gradually over each {@code window}. */
	public static KeyedLimiter greedy(int capacity, Duration window, int maxKeys) {
		return new KeyedLimiter(() -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
			.build(), maxKeys);
	}

	/** Takes a token for the key, or refuses with the wait (429 on the API and the pages). */
	public void acquire(String key) {
		var probe = bucket(key).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/** Takes a token for the key if one is left (counting an event without refusing it). */
	public void consume(String key) {
		bucket(key).tryConsume(1);
	}

	/** How long the key must wait for a token; zero while it has one. Never creates a bucket. */
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

	/** Gives the key its full budget back. */
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
