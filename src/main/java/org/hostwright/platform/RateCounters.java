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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rate limits shared by every node: fixed-window counters in the table
 * {@code rate_counters}, so N nodes give a client one budget, not N. A hit is one atomic
 * {@code MERGE} (standard SQL, the same on H2 and PostgreSQL 15) followed by a read in
 * the same short transaction, whose row lock makes concurrent hits on one key count one
 * after the other. Keys are stored as SHA-256 hashes: the table holds no e-mail or
 * address. Expired windows are deleted by a job.
 */
public final class RateCounters {

	private static final String HIT = """
			merge into rate_counters t
			using (values (cast(? as varchar(40)), cast(? as varchar(64)), cast(? as bigint), cast(? as bigint)))
			  as s (limiter, counter_key, window_start, window_end)
			on t.limiter = s.limiter and t.counter_key = s.counter_key and t.window_start = s.window_start
			when matched then update set hits = t.hits + 1
			when not matched then insert (limiter, counter_key, window_start, window_end, hits)
			  values (s.limiter, s.counter_key, s.window_start, s.window_end, 1)""";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	public RateCounters(DataSource dataSource, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		// a hit commits on its own, even when the caller is inside a transaction that
		// later rolls back
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		return jdbc.sql("delete from rate_counters where window_end <= ?").param(clock.millis()).update();
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
			Integer hits = jdbc
				.sql("select hits from rate_counters where limiter = ? and counter_key = ? and window_start = ?")
				.params(name, hash(key), windowStart(now))
				.query(Integer.class)
				.optional()
				.orElse(0);
			return hits >= capacity ? untilWindowEnds(now) : Duration.ZERO;
		}

		@Override
		public void forget(String key) {
			jdbc.sql("delete from rate_counters where limiter = ? and counter_key = ?")
				.params(name, hash(key))
				.update();
		}

		private int hit(String key, long now) {
			String hashed = hash(key);
			long start = windowStart(now);
			for (int attempt = 1;; attempt++) {
				try {
					Integer hits = ownTransaction.execute(tx -> {
						jdbc.sql(HIT).params(name, hashed, start, start + windowMillis).update();
						return jdbc.sql(
								"select hits from rate_counters where limiter = ? and counter_key = ? and window_start = ?")
							.params(name, hashed, start)
							.query(Integer.class)
							.single();
					});
					return hits == null ? 0 : hits;
				}
				catch (DuplicateKeyException ex) {
					// two nodes inserted the same new window at once: the row exists now,
					// so merge again
					if (attempt >= 3) {
						throw ex;
					}
				}
			}
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
		RateCounters rateCounters(DataSource dataSource, Clock clock) {
			return new RateCounters(dataSource, clock);
		}

		@Bean
		RecurringTask<Void> rateCountersCleanupTask(RateCounters counters) {
			return Tasks.recurring("rate-counters-cleanup", FixedDelay.ofMinutes(5))
				.execute((instance, ctx) -> counters.deleteExpired());
		}

	}

}
