package org.hostwright.platform;

import java.time.Duration;

/** A rate limit was hit; the caller may try again after {@link #retryAfter()}. */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("Too many attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
