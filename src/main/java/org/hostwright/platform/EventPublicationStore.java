package org.hostwright.platform;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.stereotype.Repository;

/**
 * Spring Modulith's event publication table, where its own API has no answer: a
 * resubmission whose listener never started.
 */
@Repository
class EventPublicationStore {

	private final JdbcClient jdbc;

	EventPublicationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks failed (so resubmitted again) the incomplete publications resubmitted before
	 * the given moment whose listener has not started since: in one statement, so a
	 * listener that has just started (processing) is left alone.
	 * @return how many
	 */
	int failAbandonedResubmissions(Instant resubmittedBefore) {
		return jdbc.sql("""
				UPDATE event_publication SET status = ?
				WHERE status = ? AND completion_date IS NULL AND last_resubmission_date < ?""")
			.params(EventPublication.Status.FAILED.name(), EventPublication.Status.RESUBMITTED.name(),
					Timestamp.from(resubmittedBefore))
			.update();
	}

}
