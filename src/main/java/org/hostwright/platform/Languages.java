package org.hostwright.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages every page and e-mail is written in. A language is a set of message
 * bundles ({@code i18n/*_xx.properties}); adding one here offers it in the switcher and
 * the profile.
 */
public final class Languages {

	/** Language tags in the order the switcher shows them; English is the base bundle. */
	public static final List<String> SUPPORTED = List.of("en", "sw", "fr", "de");

	private Languages() {
	}

	/** The supported language a tag or locale names ({@code fr-LU} is French), if any. */
	public static Optional<String> supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
	}

	public static Optional<String> supported(Locale locale) {
		return locale == null ? Optional.empty() : supported(locale.toLanguageTag());
	}

	/** The language's name in that language, as the switcher shows it. */
	public static String nativeName(String language) {
		return switch (language) {
			case "sw" -> "Kiswahili";
			case "fr" -> "Français";
			case "de" -> "Deutsch";
			default -> "English";
		};
	}

}
