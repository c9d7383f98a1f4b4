package org.hostwright.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs made from names: "Hollyn Lite" → "hollyn-lite". */
final class Slugs {

	private Slugs() {
	}

	static String of(String name) {
		String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		if (slug.length() > 70) {
			slug = slug.substring(0, 70).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "plan" : slug;
	}

}
