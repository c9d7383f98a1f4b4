package org.hostwright.platform.web;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.hostwright.platform.AuthenticatedUser;
import org.hostwright.platform.LanguagePreferences;
import org.hostwright.platform.Languages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The request's language: the signed-in user's saved choice, else the one picked with
 * {@code ?lang=} (remembered in a cookie), else the browser's Accept-Language, else
 * English. On the JSON API an explicit Accept-Language wins, so a client gets its errors
 * in the language it asks for. Choosing a language with {@code ?lang=} while signed in
 * also saves it as the user's choice.
 */
class LanguageResolver implements LocaleResolver {

	private static final String RESOLVED = LanguageResolver.class.getName() + ".locale";

	private static final String SAVED = "hw.language";

	private final CookieLocaleResolver cookie = new CookieLocaleResolver("hw_lang");

	private final ObjectProvider<LanguagePreferences> preferences;

	LanguageResolver(ObjectProvider<LanguagePreferences> preferences) {
		this.preferences = preferences;
		// the browser's language when it names one; English for clients that say nothing,
		// never the
		// server's own locale
		this.cookie.setDefaultLocaleFunction(
				request -> request.getHeader("Accept-Language") != null ? request.getLocale() : Locale.ENGLISH);
		this.cookie.setCookieMaxAge(Duration.ofDays(365));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Object cached = request.getAttribute(RESOLVED);
		if (cached instanceof Locale locale) {
			return locale;
		}
		Locale locale = resolve(request);
		request.setAttribute(RESOLVED, locale);
		return locale;
	}

	private Locale resolve(HttpServletRequest request) {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api && request.getHeader("Accept-Language") != null) {
			return request.getLocale();
		}
		Optional<Locale> saved = signedInUser().flatMap(id -> saved(request, id));
		if (saved.isPresent()) {
			return saved.get();
		}
		return api ? Locale.ENGLISH : cookie.resolveLocale(request);
	}

	/**
	 * The user's saved language, read from the database once per session (the session is
	 * shared by every node, and a new choice updates it), not on every page view.
	 */
	private Optional<Locale> saved(HttpServletRequest request, long userId) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SAVED) instanceof SavedLanguage s && s.userId() == userId) {
			return Optional.ofNullable(s.tag()).map(Locale::forLanguageTag);
		}
		Optional<Locale> saved = preferences.stream().findFirst().flatMap(p -> p.of(userId));
		if (session != null) {
			session.setAttribute(SAVED, new SavedLanguage(userId, saved.map(Locale::toLanguageTag).orElse(null)));
		}
		return saved;
	}

	/** Session attribute: whose saved language, and which (null: none). */
	record SavedLanguage(long userId, String tag) implements Serializable {
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		cookie.setLocale(request, response, locale);
		request.setAttribute(RESOLVED, locale != null ? locale : cookie.resolveLocale(request));
		if (locale != null && Languages.supported(locale).isPresent()) {
			signedInUser().ifPresent(id -> {
				preferences.ifAvailable(p -> p.remember(id, locale));
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.setAttribute(SAVED, new SavedLanguage(id, locale.toLanguageTag()));
				}
			});
		}
	}

	private static Optional<Long> signedInUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AuthenticatedUser user ? Optional.of(user.id())
				: Optional.empty();
	}

}
