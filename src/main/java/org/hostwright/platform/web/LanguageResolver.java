package org.hostwright.platform.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
		Optional<Locale> saved = signedInUser().flatMap(id -> preferences.stream().findFirst().flatMap(p -> p.of(id)));
		if (saved.isPresent()) {
			return saved.get();
		}
		return api ? Locale.ENGLISH : cookie.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		cookie.setLocale(request, response, locale);
		request.setAttribute(RESOLVED, locale != null ? locale : cookie.resolveLocale(request));
		if (locale != null && Languages.supported(locale).isPresent()) {
			signedInUser().ifPresent(id -> preferences.ifAvailable(p -> p.remember(id, locale)));
		}
	}

	private static Optional<Long> signedInUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AuthenticatedUser user ? Optional.of(user.id())
				: Optional.empty();
	}

}
