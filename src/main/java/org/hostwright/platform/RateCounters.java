package org.hostwright.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate limits shared by every node: fixed-window counters in the table
 * {@code rate_counters} ({@link RateCounterRepository}), so N nodes give a client one
 * budget, not N. Keys are stored as SHA-256 hashes: the table holds no e-mail or address.
 * Expired windows are deleted by a job.
 */
public final class RateCounters {

	private final RateCounterRepository counters;

	private final Clock clock;

	public RateCounters(DataSource dataSource, Clock clock) {
		this(new RateCounterRepository(dataSource), clock);
	}

	RateCounters(RateCounterRepository counters, Clock clock) {
		this.counters = counters;
		this.clock = clock;
	}

	/**
	 * A limiter named {@code name} (unique per use) giving each key {@code capacity} hits
	 * per {@code window}; the whole budget comes back when the window ends.
	 */
	public KeyedLimiter shared(String name, int capacity, Duration window) {
		if (name.length() > 40 || capacity < 1 || window.toMillis() < 1) {
			throw new IllegalArgumentException("limiter " + name);
		}
		return new Shared(name, capacity, window.toMillis());
	}

	/** Deletes the windows that have ended; returns how many rows went. */
	public int deleteExpired() {
		return counters.deleteEndedBy(clock.millis());
	}

	private final class Shared implements KeyedLimiter {

		private final String name;

		private final int capacity;

		private final long windowMillis;

		Shared(String name, int capacity, long windowMillis) {
			this.name = name;
			this.capacity = capacity;
			this.windowMillis = windowMillis;
		}

		@Override
		public void acquire(String key) {
			long now = clock.millis();
			int hits = hit(key, now);
			if (hits > capacity) {
				throw new TooManyRequestsException(untilWindowEnds(now));
			}
		}

		@Override
		public void consume(String key) {
			hit(key, clock.millis());
		}

		@Override
		public Duration waitFor(String key) {
			long now = clock.millis();
			int hits = counters.hits(name, hash(key), windowStart(now));
			return hits >= capacity ? untilWindowEnds(now) : Duration.ZERO;
		}

		@Override
		public void forget(String key) {
			counters.forget(name, hash(key));
		}

		private int hit(String key, long now) {
			long start = windowStart(now);
			return counters.hit(name, hash(key), start, start + windowMillis);
		}

		private long windowStart(long now) {
			return Math.floorDiv(now, windowMillis) * windowMillis;
		}

		private Duration untilWindowEnds(long now) {
			return Duration.ofMillis(Math.max(1, windowStart(now) + windowMillis - now));
		}

	}

	static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((key == null ? "" : key).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		RateCounters rateCounters(RateCounterRepository counters, Clock clock) {
			return new RateCounters(counters, clock);
		}

		@Bean
		RecurringTask<Void> rateCountersCleanupTask(RateCounters counters) {
			return Tasks.recurring("rate-counters-cleanup", FixedDelay.ofMinutes(5))
				.onDeadExecution(new ReviveUncounted<>())
				.execute((instance, ctx) -> counters.deleteExpired());
		}

	}

}
