package org.hostwright.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Counters in the database: every node (here two instances over one database) shares one
 * budget.
 */
class RateCountersTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	@Test
	void twoNodesShareOneBudget() {
		Clock clock = at(Instant.parse("2031-01-01T10:00:30Z"));
		String name = "test-" + System.nanoTime() % 1_000_000_000;
		KeyedLimiter node1 = new RateCounters(dataSource, clock).shared(name, 3, Duration.ofMinutes(1));
		KeyedLimiter node2 = new RateCounters(dataSource, clock).shared(name, 3, Duration.ofMinutes(1));
		node1.acquire("10.0.0.1");
		node2.acquire("10.0.0.1");
		node1.acquire("10.0.0.1");
		assertThatThrownBy(() -> node2.acquire("10.0.0.1")).isInstanceOf(TooManyRequestsException.class)
			.matches(ex -> ((TooManyRequestsException) ex).retryAfterSeconds() == 30);
		assertThat(node1.waitFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(30));
		assertThat(node2.waitFor("10.0.0.2")).isZero();
		node2.acquire("10.0.0.2");
	}

	@Test
	void theBudgetComesBackWhenTheWindowEndsAndForgetGivesItBackAtOnce() {
		String name = "test-" + System.nanoTime() % 1_000_000_000;
		Instant start = Instant.parse("2031-01-01T11:00:00Z");
		KeyedLimiter before = new RateCounters(dataSource, at(start)).shared(name, 2, Duration.ofMinutes(15));
		before.consume("k");
		before.consume("k");
		assertThat(before.waitFor("k")).isEqualTo(Duration.ofMinutes(15));
		KeyedLimiter after = new RateCounters(dataSource, at(start.plus(Duration.ofMinutes(15)))).shared(name, 2,
				Duration.ofMinutes(15));
		assertThat(after.waitFor("k")).isZero();
		before.forget("k");
		assertThat(before.waitFor("k")).isZero();
	}

	@Test
	void theCleanupDeletesEndedWindowsOnly() {
		String name = "test-" + System.nanoTime() % 1_000_000_000;
		Instant start = Instant.parse("2031-01-01T12:00:00Z");
		new RateCounters(dataSource, at(start)).shared(name, 2, Duration.ofMinutes(1)).consume("old");
		new RateCounters(dataSource, at(start.plusSeconds(60))).shared(name, 2, Duration.ofMinutes(1)).consume("new");
		new RateCounters(dataSource, at(start.plusSeconds(61))).deleteExpired();
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM rate_counters WHERE limiter = ?").param(name).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void keysAreStoredHashed() {
		String name = "test-" + System.nanoTime() % 1_000_000_000;
		new RateCounters(dataSource, Clock.systemUTC()).shared(name, 2, Duration.ofMinutes(1))
			.consume("asha@example.test");
		assertThat(jdbc.sql("SELECT counter_key FROM rate_counters WHERE limiter = ?")
			.param(name)
			.query(String.class)
			.single()).hasSize(64).doesNotContain("asha");
	}

	@Test
	void hitsOnOneKeyAtOnceAreEachCountedOnce() throws Exception {
		Clock clock = at(Instant.parse("2031-01-01T13:00:00Z"));
		String name = "test-" + System.nanoTime() % 1_000_000_000;
		AtomicInteger admitted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		ExecutorService nodes = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int n = 0; n < 8; n++) {
				KeyedLimiter node = new RateCounters(dataSource, clock).shared(name, 150, Duration.ofMinutes(1));
				done.add(nodes.submit(() -> {
					for (int i = 0; i < 25; i++) {
						try {
							node.acquire("10.0.0.1");
							admitted.incrementAndGet();
						}
						catch (TooManyRequestsException ex) {
							refused.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			nodes.shutdown();
		}
		assertThat(admitted).hasValue(150);
		assertThat(refused).hasValue(50);
		assertThat(
				jdbc.sql("SELECT hits FROM rate_counters WHERE limiter = ?").param(name).query(Integer.class).single())
			.isEqualTo(200);
	}

	@Test
	void aHitInsideACallersTransactionCountsAtOnceAndLeavesTheRowFreeUntilThatTransactionEnds() throws Exception {
		Clock clock = at(Instant.parse("2031-01-01T14:00:00Z"));
		String name = "test-" + System.nanoTime() % 1_000_000_000;
		KeyedLimiter node1 = new RateCounters(dataSource, clock).shared(name, 5, Duration.ofMinutes(1));
		KeyedLimiter node2 = new RateCounters(dataSource, clock).shared(name, 5, Duration.ofMinutes(1));
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			new TransactionTemplate(transactions).executeWithoutResult(status -> {
				node1.acquire("10.0.0.1");
				// another request counting on the same row while this transaction is open
				Future<?> meanwhile = other.submit(() -> node2.acquire("10.0.0.1"));
				try {
					meanwhile.get(10, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new AssertionError("the other hit waited for this transaction", ex);
				}
				status.setRollbackOnly();
			});
		}
		finally {
			other.shutdown();
		}
		assertThat(
				jdbc.sql("SELECT hits FROM rate_counters WHERE limiter = ?").param(name).query(Integer.class).single())
			.as("both hits kept, the caller's rollback notwithstanding")
			.isEqualTo(2);
	}

}
