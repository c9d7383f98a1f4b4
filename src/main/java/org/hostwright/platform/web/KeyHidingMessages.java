package org.hostwright.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The application's messages, except that a key the bundles lack yields the caller's
 * default text (or nothing) rather than the key itself
 * ({@code use-code-as-default-message} is on for pages).
 */
final class KeyHidingMessages implements MessageSource {

	private final MessageSource bundles;

	KeyHidingMessages(MessageSource bundles) {
		this.bundles = bundles;
	}

	@Override
	public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
		String text = bundles.getMessage(code, args, defaultMessage, locale);
		return code != null && code.equals(text) ? defaultMessage : text;
	}

	@Override
	public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
		String text = bundles.getMessage(code, args, locale);
		if (code != null && code.equals(text)) {
			throw new NoSuchMessageException(code, locale);
		}
		return text;
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
		return bundles.getMessage(resolvable, locale);
	}

}
