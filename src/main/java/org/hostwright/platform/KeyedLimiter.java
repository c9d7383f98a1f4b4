package org.hostwright.platform;

import java.time.Duration;

/**
 * A rate limit per key (a client address, an e-mail, a pair of both). In memory on one
 * node ({@link #intervally}, {@link #greedy}) or shared by every node through the
 * database ({@link RateCounters#shared}); callers do not know which.
 */
public interface KeyedLimiter {

	/**
	 * Takes a token for the key, or refuses with the wait (429 on the API and the pages).
	 */
	void acquire(String key);

	/**
	 * Takes a token for the key if one is left (counting an event without refusing it).
	 */
	void consume(String key);

	/** How long the key must wait for a token; zero while it has one. */
	Duration waitFor(String key);

	/** Gives the key its full budget back. */
	void forget(String key);

	/**
	 * In memory: {@code capacity} tokens per key, all given back at once when each
	 * {@code window} ends.
	 */
	static KeyedLimiter intervally(int capacity, Duration window, int maxKeys) {
		return MemoryLimiter.intervally(capacity, window, maxKeys);
	}

	/**
	 * In memory: {@code capacity} tokens per key, given back gradually over each
	 * {@code window}.
	 */
	static KeyedLimiter greedy(int capacity, Duration window, int maxKeys) {
		return MemoryLimiter.greedy(capacity, window, maxKeys);
	}

}
