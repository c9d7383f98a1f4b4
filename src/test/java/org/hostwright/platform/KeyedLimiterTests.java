package org.hostwright.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedLimiterTests {

	@Test
	void refusesAKeyOnceItsBudgetIsSpentWithTheWaitAndLeavesOtherKeysAlone() {
		KeyedLimiter limiter = KeyedLimiter.greedy(2, Duration.ofMinutes(1), 100);
		limiter.acquire("a");
		limiter.acquire("a");
		assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(TooManyRequestsException.class)
			.satisfies(ex -> assertThat(((TooManyRequestsException) ex).retryAfterSeconds()).isBetween(1L, 60L));
		limiter.acquire("b");
	}

	@Test
	void waitForIsZeroUntilTheBudgetIsSpentAndForgetGivesItBack() {
		KeyedLimiter limiter = KeyedLimiter.intervally(1, Duration.ofMinutes(15), 100);
		assertThat(limiter.waitFor("x")).isZero();
		limiter.consume("x");
		assertThat(limiter.waitFor("x")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
		limiter.forget("x");
		assertThat(limiter.waitFor("x")).isZero();
	}

	@Test
	void theLeastRecentlyUsedKeyIsDroppedBeyondTheBound() {
		KeyedLimiter limiter = KeyedLimiter.intervally(1, Duration.ofMinutes(15), 2);
		limiter.consume("old");
		limiter.consume("newer");
		limiter.consume("newest");
		assertThat(limiter.waitFor("old")).isZero();
		assertThat(limiter.waitFor("newest")).isPositive();
	}

}
