package org.hostwright.accounts;

import java.util.Locale;
import java.util.Optional;

import org.hostwright.platform.LanguagePreferences;
import org.hostwright.platform.Languages;

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
