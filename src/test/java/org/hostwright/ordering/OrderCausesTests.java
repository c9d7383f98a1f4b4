package org.hostwright.ordering;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The order timeline's stored causes read in the reader's language. */
class OrderCausesTests {

	private final OrderCauses causes = new OrderCauses(messages());

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasename("i18n/ordering");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyKnownFormIsTranslatedWithItsParticulars() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("sw"));
		assertThat(causes.text("invoice INV-2026-000007 paid (mobile money)"))
			.isEqualTo("Ankara INV-2026-000007 imelipwa (mobile money)");
		assertThat(causes.text("payment not confirmed within 120 s"))
			.isEqualTo("Malipo hayakuthibitishwa ndani ya sekunde 120");
		assertThat(causes.text("checkout")).isEqualTo("Limeagizwa mtandaoni");
		LocaleContextHolder.setLocale(Locale.GERMAN);
		assertThat(causes.text("hosting service #42 active")).isEqualTo("Hosting-Dienst Nr. 42 ist aktiv");
		assertThat(causes.text("payment declined (M-Pesa)")).isEqualTo("Zahlung abgelehnt (M-Pesa)");
	}

	@Test
	void anUnknownCauseShowsAsWritten() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(causes.text("fixed by support, ticket 12")).isEqualTo("fixed by support, ticket 12");
		assertThat(causes.text(null)).isNull();
	}

}
