package org.hostwright.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language a user saved, so pages follow it whatever the browser says and e-mails
 * (also those sent by jobs, with no request around) go out in the recipient's language.
 * Implemented by the accounts module, which owns users; other modules depend on this
 * interface only.
 */
public interface LanguagePreferences {

	Optional<Locale> of(long userId);

	/** The saved language of the user with this e-mail address, if there is one. */
	Optional<Locale> ofEmail(String email);

	/**
	 * The saved languages of many recipients at once (a billing run writes to thousands),
	 * by e-mail address as given; an address without one is missing.
	 */
	default Map<String, Locale> ofEmails(Collection<String> emails) {
		Map<String, Locale> found = new HashMap<>();
		for (String email : emails) {
			ofEmail(email).ifPresent(locale -> found.put(email, locale));
		}
		return found;
	}

	/** Saves a supported language (others are ignored). */
	void remember(long userId, Locale locale);

}
