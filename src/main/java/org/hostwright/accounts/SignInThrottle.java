package org.hostwright.accounts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per account (the e-mail typed, whether or not it exists, so the limit says
 * nothing about existence) and per client address. Each failure takes a token; while a bucket is
 * empty every attempt answers 429 with the wait. Buckets live in memory per node (bounded, least
 * recently used dropped first): with N nodes an attacker gets at most N times the budget.
 */
@Component
class SignInThrottle {

	private static final int MAX_KEYS = 100_000;

	private final int perAccount;

	private final int perAddress;

	private final Duration window;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_KEYS;
		}
	};

	SignInThrottle(@Value("${hostwright.signin.max-failures-per-account:5}") int perAccount,
			@Value("${hostwright.signin.max-failures-per-address:20}") int perAddress,
			@Value("${hostwright.signin.window:15m}") Duration window) {
		this.perAccount = perAccount;
		this.perAddress = perAddress;
		this.window = window;
	}

	/** How long the caller must wait, if either its account or its address is blocked. */
	Optional<Duration> blockedFor(String email, String address) {
		long wait = Math.max(waitNanos(accountKey(email), perAccount), waitNanos(addressKey(address), perAddress));
		return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
	}

	void failed(String email, String address) {
		bucket(accountKey(email), perAccount).tryConsume(1);
		bucket(addressKey(address), perAddress).tryConsume(1);
	}

	void succeeded(String email) {
		synchronized (buckets) {
			buckets.remove(accountKey(email));
		}
	}

	private long waitNanos(String key, int capacity) {
		Bucket b;
		synchronized (buckets) {
			b = buckets.get(key);
		}
		if (b == null || b.getAvailableTokens() > 0) {
			return 0;
		}
		return Math.max(1, b.estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

	private Bucket bucket(String key, int capacity) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(key, k -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
				.build());
		}
	}

	private static String accountKey(String email) {
		return "a:" + (email == null ? "" : email.trim().toLowerCase());
	}

	private static String addressKey(String address) {
		return "ip:" + address;
	}

}
