package org.hostwright.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publication that a node resubmitted and then died (or froze) before its listener
 * started stays {@code RESUBMITTED}, a status Spring Modulith never resubmits: the
 * resubmission job marks it failed, so it is resubmitted with the other incomplete
 * publications; a recent resubmission, and a listener already running, are left alone.
 * (TwoNodesCrashTests shows the whole recovery with a node killed.)
 */
class EventResubmissionTests extends IntegrationTest {

	@Autowired
	EventPublicationStore publications;

	@Test
	void onlyAResubmissionWhoseListenerNeverStartedIsRetried() {
		Instant now = Instant.now();
		UUID abandoned = publication("RESUBMITTED", now.minusSeconds(120));
		UUID recent = publication("RESUBMITTED", now.minusSeconds(5));
		UUID running = publication("PROCESSING", now.minusSeconds(120));
		try {
			EventResubmission.retryAbandonedResubmissions(publications, now.minus(Duration.ofSeconds(60)));

			assertThat(status(abandoned)).isEqualTo("FAILED");
			assertThat(status(recent)).isEqualTo("RESUBMITTED");
			assertThat(status(running)).isEqualTo("PROCESSING");
		}
		finally {
			for (UUID id : List.of(abandoned, recent, running)) {
				jdbc.sql("DELETE FROM event_publication WHERE id = ?").param(id).update();
			}
		}
	}

	/**
	 * A publication of this moment (so no resubmission round picks it up while the test
	 * runs), in the given status since its last resubmission.
	 */
	private UUID publication(String status, Instant lastResubmission) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  status, completion_attempts, last_resubmission_date) VALUES (?, ?, ?, ?, ?, ?, 1, ?)""")
			.params(id, "org.hostwright.test.Nobody.on(Nothing)", "org.hostwright.test.Nothing", "{}",
					Timestamp.from(Instant.now()), status, Timestamp.from(lastResubmission))
			.update();
		return id;
	}

	private String status(UUID id) {
		return jdbc.sql("SELECT status FROM event_publication WHERE id = ?").param(id).query(String.class).single();
	}

}
