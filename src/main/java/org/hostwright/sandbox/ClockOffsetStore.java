package org.hostwright.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.hostwright.platform.SandboxClock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sandbox clock's offset kept in the database, so a restart (or another node) walks
 * on from the same shifted date instead of jumping back to real time.
 */
@Repository
class ClockOffsetStore implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Clock clock;

	ClockOffsetStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (clock instanceof SandboxClock sandbox && sandbox.offset().isZero()) {
			stored().ifPresent(sandbox::advance);
		}
	}

	java.util.Optional<Duration> stored() {
		return jdbc.sql("SELECT offset_seconds FROM sandbox_clock WHERE id = 1")
			.query(Long.class)
			.optional()
			.map(Duration::ofSeconds);
	}

	void save(Duration offset) {
		Timestamp now = Timestamp.from(Instant.now());
		if (jdbc.sql("UPDATE sandbox_clock SET offset_seconds = ?, updated_at = ? WHERE id = 1")
			.params(offset.getSeconds(), now)
			.update() == 0) {
			jdbc.sql("INSERT INTO sandbox_clock (id, offset_seconds, updated_at) VALUES (1, ?, ?)")
				.params(offset.getSeconds(), now)
				.update();
		}
	}

}
