package org.hostwright.payments;

import java.time.Instant;

import org.hostwright.payments.PaymentEventLog.NewEvent;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log says what happened once: one row per payment takes the final outcome,
 * none stays open.
 */
class PaymentEventLogTests extends IntegrationTest {

	@Autowired
	PaymentEventLog events;

	@Test
	void twoDeliveriesOfOnePaymentEndAsOneAppliedAndOneDuplicate() {
		String gid = "evlog-" + System.nanoTime();
		events.insert(webhook(gid, "a", "received"), Instant.now());
		events.insert(webhook(gid, "b", "received"), Instant.now());

		assertThat(events.settleReceived(gid, "still_pending")).isEqualTo(1);
		assertThat(events.settleReceived(gid, "applied")).isEqualTo(1);

		assertThat(count(gid, "applied")).isEqualTo(1);
		assertThat(count(gid, "duplicate")).isEqualTo(1);
		assertThat(count(gid, "received") + count(gid, "still_pending")).isZero();
		// a later answer finds nothing open: the applied row keeps its outcome
		assertThat(events.settleReceived(gid, "already_applied")).isZero();
		assertThat(count(gid, "applied")).isEqualTo(1);
	}

	private static NewEvent webhook(String gid, String fingerprint, String outcome) {
		return new NewEvent(null, null, gid, "zenopay", "webhook", "COMPLETED", null, null, null, "{}",
				gid + fingerprint, outcome);
	}

	private long count(String gid, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND outcome = ?")
			.params(gid, outcome)
			.query(Long.class)
			.single();
	}

}
