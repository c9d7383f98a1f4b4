package org.hostwright.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the outbox for the admin pages: newest first, paged by id, optionally for one
 * recipient.
 */
@Repository
class OutboxQueries {

	private final JdbcClient jdbc;

	OutboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String recipient, String subject, String template, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	record Message(long id, String recipient, String subject, String bodyText, String bodyHtml, String status,
			Instant createdAt) {
	}

	/**
	 * Up to {@code limit} messages older than {@code before} (all when null), to
	 * {@code to} when given.
	 */
	List<Row> list(String to, Long before, int limit) {
		String sql = "SELECT id, recipient, subject, template, status, attempts, last_error, created_at, sent_at FROM outbox_messages WHERE 1=1"
				+ (to == null || to.isBlank() ? "" : " AND recipient = :to")
				+ (before == null ? "" : " AND id < :before") + " ORDER BY id DESC LIMIT " + limit;
		var spec = jdbc.sql(sql);
		if (to != null && !to.isBlank()) {
			spec = spec.param("to", to.trim().toLowerCase(Locale.ROOT));
		}
		if (before != null) {
			spec = spec.param("before", before);
		}
		return spec
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
					rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
			.list();
	}

	Optional<Message> find(long id) {
		return jdbc.sql(
				"SELECT id, recipient, subject, body_text, body_html, status, created_at FROM outbox_messages WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.optional();
	}

}
