package org.hostwright.payments;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which pending attempts a reconciliation round asks the gateway about: those it has not
 * heard of for a whole interval. A new attempt first waits an interval for its webhook
 * (in a sale, checking every new attempt doubled the payment jobs).
 */
class ReconciliationRuleTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private static final Instant ROUND_BEFORE = NOW.minusSeconds(60);

	@Test
	void aNewAttemptWaitsAnIntervalForItsWebhook() {
		assertThat(attempt(NOW.minusSeconds(5), null).uncheckedSince(ROUND_BEFORE)).isFalse();
		assertThat(attempt(NOW.minusSeconds(61), null).uncheckedSince(ROUND_BEFORE)).isTrue();
	}

	@Test
	void aCheckedAttemptIsAskedAgainAnIntervalLater() {
		Instant longAgo = NOW.minusSeconds(600);
		assertThat(attempt(longAgo, NOW.minusSeconds(30)).uncheckedSince(ROUND_BEFORE)).isFalse();
		assertThat(attempt(longAgo, NOW.minusSeconds(90)).uncheckedSince(ROUND_BEFORE)).isTrue();
	}

	private static PaymentAttempts.Pending attempt(Instant created, Instant checked) {
		return new PaymentAttempts.Pending(1, "gid", created, checked);
	}

}
