package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one slug maker, with the cases of plan slugs (catalog) and website subdomains
 * (sites).
 */
class SlugsTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "Hollyn Lite               | hollyn-lite", "Boulangerie du Parc       | boulangerie-du-parc",
					"Café Müller               | cafe-muller", "Straße & Søn              | strasse-and-son",
					"Œuvre Æsthetic            | oeuvre-aesthetic", "'  --Duka  Langu!!--  '   | duka-langu",
					"İstanbul Kebap            | istanbul-kebap", "'!!!'                     | fallback",
					"NULL                      | fallback" })
	void slugs(String name, String expected) {
		assertThat(Slugs.of(name, 50, "fallback")).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void cutsToTheLimitWithoutATrailingHyphen() {
		assertThat(Slugs.of("abcd efgh", 5, "x")).isEqualTo("abcd");
		assertThat(Slugs.of("a".repeat(80), 70, "x")).hasSize(70);
	}

	@org.junit.jupiter.api.Test
	void doesNotDependOnTheDefaultLocale() {
		java.util.Locale saved = java.util.Locale.getDefault();
		try {
			java.util.Locale.setDefault(new java.util.Locale("tr", "TR"));
			assertThat(Slugs.of("LIVE IT", 50, "x")).isEqualTo("live-it");
		}
		finally {
			java.util.Locale.setDefault(saved);
		}
	}

}
