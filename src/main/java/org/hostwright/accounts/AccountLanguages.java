package org.hostwright.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hostwright.platform.LanguagePreferences;
import org.hostwright.platform.Languages;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The language each user saved, in {@code users.language}: pages and e-mails follow it.
 */
@Repository
class AccountLanguages implements LanguagePreferences {

	private final JdbcClient jdbc;

	AccountLanguages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Locale> of(long userId) {
		return jdbc.sql("SELECT language FROM users WHERE id = ? AND deleted_at IS NULL")
			.param(userId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(language -> language.flatMap(Languages::supported))
			.map(Locale::forLanguageTag);
	}

	@Override
	public Optional<Locale> ofEmail(String email) {
		if (email == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT language FROM users WHERE email = ? AND deleted_at IS NULL")
			.param(Accounts.normaliseEmail(email))
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(language -> language.flatMap(Languages::supported))
			.map(Locale::forLanguageTag);
	}

	@Override
	public Map<String, Locale> ofEmails(Collection<String> emails) {
		Map<String, List<String>> given = new HashMap<>();
		for (String email : emails) {
			if (email != null) {
				given.computeIfAbsent(Accounts.normaliseEmail(email), k -> new ArrayList<>()).add(email);
			}
		}
		Map<String, Locale> found = new HashMap<>();
		List<String> all = List.copyOf(given.keySet());
		for (int from = 0; from < all.size(); from += 1_000) {
			jdbc.sql("SELECT email, language FROM users WHERE email IN (:emails) AND deleted_at IS NULL"
					+ " AND language IS NOT NULL")
				.param("emails", all.subList(from, Math.min(all.size(), from + 1_000)))
				.query((RowCallbackHandler) rs -> {
					String email = rs.getString(1);
					Languages.supported(rs.getString(2))
						.map(Locale::forLanguageTag)
						.ifPresent(locale -> given.getOrDefault(email, List.of()).forEach(e -> found.put(e, locale)));
				});
		}
		return found;
	}

	@Override
	public void remember(long userId, Locale locale) {
		Languages.supported(locale)
			.ifPresent(language -> jdbc.sql("UPDATE users SET language = ? WHERE id = ? AND deleted_at IS NULL")
				.params(language, userId)
				.update());
	}

	/**
	 * The saved language tag, for the profile form and the API; empty when the user chose
	 * none.
	 */
	Optional<String> tag(long userId) {
		return of(userId).map(Locale::getLanguage);
	}

}
