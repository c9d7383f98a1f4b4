package org.hostwright.pages;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InfoPageRepository {

	private final JdbcClient jdbc;

	InfoPageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<InfoPage> find(InfoPageKind kind) {
		return jdbc.sql("SELECT slug, title, body, updated_at, updated_by FROM info_pages WHERE slug = ?")
			.param(kind.slug())
			.query((rs, n) -> new InfoPage(States.fromColumn(InfoPageKind.class, rs.getString("slug")),
					rs.getString("title"), rs.getString("body"), rs.getTimestamp("updated_at").toInstant(),
					rs.getString("updated_by")))
			.optional();
	}

	/**
	 * Writes the page whatever was there (update first, insert when there was no row).
	 */
	void save(InfoPageKind kind, String title, String body, Instant now, String by) {
		int updated = jdbc
			.sql("UPDATE info_pages SET title = ?, body = ?, updated_at = ?, updated_by = ? WHERE slug = ?")
			.params(title, body, Timestamp.from(now), by, kind.slug())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO info_pages (slug, title, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
				.params(kind.slug(), title, body, Timestamp.from(now), by)
				.update();
		}
	}

	void delete(InfoPageKind kind) {
		jdbc.sql("DELETE FROM info_pages WHERE slug = ?").param(kind.slug()).update();
	}

}
