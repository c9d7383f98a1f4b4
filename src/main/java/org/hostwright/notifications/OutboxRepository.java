package org.hostwright.notifications;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Writes the {@code outbox_messages} table: a message queued with the caller's change,
 * then its delivery's outcome. Every status write goes through {@link OutboxStatus}.
 */
@Repository
class OutboxRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * A message as the delivery job sends it; one not yet rendered has no subject or
	 * bodies but its template, model and language.
	 */
	record Outgoing(String recipient, String subject, String bodyText, String bodyHtml, OutboxStatus status,
			String template, String model, String locale) {

		boolean rendered() {
			return subject != null;
		}

	}

	/** Queues a message and returns its id. */
	long insert(String to, MailTemplates.Rendered mail, String template, OutboxStatus status, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO outbox_messages (recipient, subject, body_text, body_html, template, status, created_at)
				VALUES (:to, :subject, :text, :html, :template, :status, :at)""")
			.param("to", to)
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("template", template)
			.param("status", status.wire())
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Queues a message to be rendered later, from its model ({@link MailModels}) in its
	 * language.
	 */
	long insertUnrendered(String to, String template, String model, Locale locale, OutboxStatus status, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO outbox_messages (recipient, template, model, locale, status, created_at)
				VALUES (:to, :template, :model, :locale, :status, :at)""")
			.param("to", to)
			.param("template", template)
			.param("model", model)
			.param("locale", locale.toLanguageTag())
			.param("status", status.wire())
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Keeps a message's rendering in place of its model. Only the first rendering is kept
	 * when the delivery job and an admin's page render the same message at once.
	 */
	void storeRendering(long id, MailTemplates.Rendered mail) {
		jdbc.sql("""
				UPDATE outbox_messages SET subject = ?, body_text = ?, body_html = ?, model = NULL
				WHERE id = ? AND subject IS NULL""").params(mail.subject(), mail.text(), mail.html(), id).update();
	}

	/** A message not yet rendered: what its rendering needs. */
	record Unrendered(long id, String template, String model, String locale) {
	}

	/** Of these messages, the ones not yet rendered, in one query. */
	List<Unrendered> unrendered(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT id, template, model, locale FROM outbox_messages WHERE id IN (:ids) AND subject IS NULL")
			.param("ids", ids)
			.query((rs, n) -> new Unrendered(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** A rendered message to queue with others ({@link #insertAll}). */
	record NewMessage(String to, MailTemplates.Rendered mail, String template) {
	}

	/**
	 * Queues many messages with one batched statement; answers their ids in the same
	 * order.
	 */
	List<Long> insertAll(List<NewMessage> messages, OutboxStatus status, Instant at) {
		var keys = new GeneratedKeyHolder();
		Timestamp when = Timestamp.from(at);
		batch.batchUpdate(con -> con.prepareStatement("""
				INSERT INTO outbox_messages (recipient, subject, body_text, body_html, template, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" }), new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				NewMessage m = messages.get(i);
				ps.setString(1, m.to());
				ps.setString(2, m.mail().subject());
				ps.setString(3, m.mail().text());
				ps.setString(4, m.mail().html());
				ps.setString(5, m.template());
				ps.setString(6, status.wire());
				ps.setTimestamp(7, when);
			}

			@Override
			public int getBatchSize() {
				return messages.size();
			}

		}, keys);
		List<Long> ids = new ArrayList<>(messages.size());
		for (Map<String, Object> row : keys.getKeyList()) {
			ids.add(((Number) row.values().iterator().next()).longValue());
		}
		if (ids.size() != messages.size()) {
			throw new IllegalStateException(
					"the outbox answered " + ids.size() + " ids for " + messages.size() + " messages");
		}
		return ids;
	}

	Optional<Outgoing> outgoing(long id) {
		return jdbc.sql("""
				SELECT recipient, subject, body_text, body_html, status, template, model, locale
				FROM outbox_messages WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Outgoing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					States.fromColumn(OutboxStatus.class, rs.getString(5)), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.optional();
	}

	/** A queued message with no mail server to send it: it waits for one. */
	void hold(long id) {
		jdbc.sql("UPDATE outbox_messages SET status = ? WHERE id = ?")
			.params(OutboxStatus.QUEUED.checkMoveTo(OutboxStatus.HELD).wire(), id)
			.update();
	}

	void markSent(long id, Instant at) {
		jdbc.sql(
				"UPDATE outbox_messages SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
			.params(OutboxStatus.QUEUED.checkMoveTo(OutboxStatus.SENT).wire(), Timestamp.from(at), id)
			.update();
	}

	void recordFailedAttempt(long id, String error) {
		jdbc.sql("UPDATE outbox_messages SET attempts = attempts + 1, last_error = ? WHERE id = ?")
			.params(error, id)
			.update();
	}

	/**
	 * Only a queued message is being retried: one sent or held meanwhile keeps its
	 * status.
	 */
	void markFailed(long id, String why) {
		jdbc.sql("UPDATE outbox_messages SET status = ?, last_error = ? WHERE id = ? AND status = ?")
			.params(OutboxStatus.QUEUED.checkMoveTo(OutboxStatus.FAILED).wire(), why, id, OutboxStatus.QUEUED.wire())
			.update();
	}

}
