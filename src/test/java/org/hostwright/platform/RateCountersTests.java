package org.hostwright.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Counters in the database: every node (here two instances over one database) shares one
 * budget.
 */
class RateCountersTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

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

}
