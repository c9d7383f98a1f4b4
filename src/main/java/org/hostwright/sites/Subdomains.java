package org.hostwright.sites;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a business name into a DNS label: {@code Boulangerie du Parc} → {@code boulangerie-du-parc}. */
final class Subdomains {

	static final int MAX = 50;

	private Subdomains() {
	}

	static String slug(String name) {
		String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replace("&", " and ")
			.toLowerCase(Locale.ROOT);
		String slug = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX) {
			slug = slug.substring(0, MAX).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "site" : slug;
	}

	/** The slug, or the slug with {@code -2}, {@code -3}… for the n-th collision. */
	static String candidate(String slug, int attempt) {
		return attempt <= 1 ? slug : slug + "-" + attempt;
	}

}
