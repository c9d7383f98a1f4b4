package org.hostwright.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one slug maker, for URL slugs and DNS labels alike:
 * {@code Boulangerie du Parc & Café} → {@code boulangerie-du-parc-and-cafe}. Accents are
 * dropped, letters without a decomposition are spelled out (ß, æ, œ, ø), anything else
 * but {@code a-z0-9} becomes one hyphen, never at either end.
 */
public final class Slugs {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

	private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

	private Slugs() {
	}

	/**
	 * The slug of {@code name}, at most {@code max} characters, or {@code fallback} when
	 * nothing is left.
	 */
	public static String of(String name, int max, String fallback) {
		String folded = MARKS.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replace("ı", "i")
			.replace("&", " and ");
		String slug = EDGE_HYPHENS.matcher(OTHER.matcher(folded).replaceAll("-")).replaceAll("");
		if (slug.length() > max) {
			slug = EDGE_HYPHENS.matcher(slug.substring(0, max)).replaceAll("");
		}
		return slug.isEmpty() ? fallback : slug;
	}

}
