package org.hostwright.agency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency_digest_runs table: one row per UTC day on which the renewal digest went out,
 * so the digest is sent once a day whichever node runs {@link RenewalJob}.
 */
@Repository
class DigestRuns {

	private final JdbcClient jdbc;

	DigestRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean ranOn(LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM agency_digest_runs WHERE day = ?")
			.param(day)
			.query(Long.class)
			.single() > 0;
	}

	void record(LocalDate day, Instant ranAt, int expiredCount) {
		jdbc.sql("INSERT INTO agency_digest_runs (day, ran_at, expired_count) VALUES (?, ?, ?)")
			.params(day, Timestamp.from(ranAt), expiredCount)
			.update();
	}

}
