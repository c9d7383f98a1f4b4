package org.hostwright.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The e-mail texts admins rewrote ({@code mail_texts}). */
@Repository
class MailTextRepository {

	/** How many rewritten texts a language has for a set of keys. */
	record Count(String language, int texts) {
	}

	private final JdbcClient jdbc;

	MailTextRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every rewritten text of a language, by message key (one small query per e-mail).
	 */
	Map<String, String> forLanguage(String language) {
		Map<String, String> texts = new HashMap<>();
		jdbc.sql("SELECT message_key, text FROM mail_texts WHERE language = ?").param(language).query(rs -> {
			texts.put(rs.getString(1), rs.getString(2));
		});
		return texts;
	}

	/** Message keys rewritten in any language, with the languages. */
	List<Map.Entry<String, String>> rewritten() {
		return jdbc.sql("SELECT message_key, language FROM mail_texts ORDER BY message_key, language")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list();
	}

	void save(String key, String language, String text, Instant now, String by) {
		int updated = jdbc.sql(
				"UPDATE mail_texts SET text = ?, updated_at = ?, updated_by = ? WHERE message_key = ? AND language = ?")
			.params(text, Timestamp.from(now), by, key, language)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"INSERT INTO mail_texts (message_key, language, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
				.params(key, language, text, Timestamp.from(now), by)
				.update();
		}
	}

	int delete(Collection<String> keys, String language) {
		if (keys.isEmpty()) {
			return 0;
		}
		return jdbc.sql("DELETE FROM mail_texts WHERE language = :language AND message_key IN (:keys)")
			.param("language", language)
			.param("keys", keys)
			.update();
	}

}
