package org.hostwright.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.hostwright.platform.Money;
import org.hostwright.platform.PlatformProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTests {

	private static final String NBSP = "\u00A0";

	private static final String NNBSP = "\u202F";

	private final Fmt fmt = new Fmt(new PlatformProperties("./data", "http://localhost:8080", "Hostwright", "TZS",
			ZoneId.of("Africa/Dar_es_Salaam"), "no-reply@example.test", null));

	private final Instant afternoonInDar = Instant.parse("2026-03-05T10:00:00Z");

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	private String in(String language, java.util.function.Supplier<String> call) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
		return call.get();
	}

	@Test
	void shillingsAreWholeAmountsWithTheLocalesGroupingAndSymbol() {
		assertThat(in("en", () -> fmt.money(1_500_000L, "TZS"))).isEqualTo("TZS" + NBSP + "15,000");
		assertThat(in("fr", () -> fmt.money(1_500_000L, "TZS"))).isEqualTo("15" + NNBSP + "000" + NBSP + "TZS");
		assertThat(in("de", () -> fmt.money(1_500_000L, "TZS"))).isEqualTo("15.000" + NBSP + "TZS");
		assertThat(in("sw", () -> fmt.money(1_500_000L, "TZS"))).isEqualTo("TSh" + NBSP + "15,000");
	}

	@Test
	void eurosKeepTheirCentsInEachLocale() {
		assertThat(in("en", () -> fmt.money(1999L, "EUR"))).isEqualTo("€19.99");
		assertThat(in("fr", () -> fmt.money(1999L, "EUR"))).isEqualTo("19,99" + NBSP + "€");
		assertThat(in("de", () -> fmt.money(1999L, "EUR"))).isEqualTo("19,99" + NBSP + "€");
		assertThat(in("sw", () -> fmt.money(1999L, "EUR"))).isEqualTo("€" + NBSP + "19.99");
		assertThat(in("de", () -> fmt.money(Money.of(250_000, "EUR")))).isEqualTo("2.500" + NBSP + "€");
	}

	@Test
	void shillingsNeverShowCentsInAnyLanguage() {
		assertThat(in("sw", () -> fmt.money(1_500_050L, "TZS"))).isEqualTo("TSh" + NBSP + "15,001");
		assertThat(in("en", () -> fmt.money(1_500_049L, "TZS"))).isEqualTo("TZS" + NBSP + "15,000");
		assertThat(in("fr", () -> fmt.money(99_999_950L, "TZS")))
			.isEqualTo("1" + NNBSP + "000" + NNBSP + "000" + NBSP + "TZS");
		assertThat(in("de", () -> fmt.money(1_500_050L, "TZS"))).isEqualTo("15.001" + NBSP + "TZS");
	}

	@Test
	void frenchAndGermanUseTheirOwnSeparatorsForLargeAmountsWithCents() {
		assertThat(in("fr", () -> fmt.money(123_456_789L, "EUR")))
			.isEqualTo("1" + NNBSP + "234" + NNBSP + "567,89" + NBSP + "€");
		assertThat(in("de", () -> fmt.money(123_456_789L, "EUR"))).isEqualTo("1.234.567,89" + NBSP + "€");
		assertThat(in("fr", () -> fmt.number(1234567))).isEqualTo("1" + NNBSP + "234" + NNBSP + "567");
		assertThat(in("sw", () -> fmt.number(1234567))).isEqualTo("1,234,567");
	}

	@Test
	void withoutAReaderTheTextIsEnglishNotTheServersLocale() {
		Locale server = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			LocaleContextHolder.resetLocaleContext();
			assertThat(fmt.money(1999L, "EUR")).isEqualTo("€19.99");
			assertThat(fmt.date(afternoonInDar)).isEqualTo("Mar 5, 2026");
		}
		finally {
			Locale.setDefault(server);
		}
	}

	@Test
	void swahiliDatesAndTimesReadAsInTanzania() {
		assertThat(in("sw", () -> fmt.dateTime(afternoonInDar))).startsWith("5 Mac 2026").contains("13:00");
	}

	@Test
	void missingMoneyIsBlankNotAnError() {
		assertThat(fmt.money(null, "TZS")).isEmpty();
		assertThat(fmt.money(100L, null)).isEmpty();
		assertThat(fmt.money((Money) null)).isEmpty();
	}

	@Test
	void datesAreShownInTheBusinessTimeZoneAndTheReadersLanguage() {
		// the JDK's locale data puts a narrow no-break space before "PM" since JDK 20, a
		// plain
		// space before (JDK 17, Debian 12's default, is supported)
		assertThat(in("en", () -> fmt.dateTime(afternoonInDar)).replace(NNBSP, " ")).isEqualTo("Mar 5, 2026, 1:00 PM");
		assertThat(in("fr", () -> fmt.dateTime(afternoonInDar))).isEqualTo("5 mars 2026 13:00");
		assertThat(in("de", () -> fmt.dateTime(afternoonInDar))).isEqualTo("05.03.2026, 13:00");
		assertThat(in("sw", () -> fmt.date(afternoonInDar))).isEqualTo("5 Mac 2026");
		assertThat(in("de", () -> fmt.date(LocalDate.of(2026, 12, 24)))).isEqualTo("24.12.2026");
		assertThat(fmt.iso(afternoonInDar)).isEqualTo("2026-03-05T10:00:00Z");
	}

	@Test
	void numbersUseTheLocalesGrouping() {
		assertThat(in("en", () -> fmt.number(1234567))).isEqualTo("1,234,567");
		assertThat(in("de", () -> fmt.number(1234567))).isEqualTo("1.234.567");
	}

	@Test
	void anOrderIsShownByTheFirstEightCharactersOfItsUuidInCapitals() {
		assertThat(fmt.orderNumber(java.util.UUID.fromString("3f2a9c1b-0e4d-4c1a-9b7e-2d5f6a7b8c9d")))
			.isEqualTo("3F2A9C1B");
		assertThat(fmt.orderNumber(null)).isEmpty();
	}

	@Test
	void plainMoneyForTheAuditLogHasGroupingAndTheCurrencyCodeAfterTheAmount() {
		assertThat(Money.plain(1_500_000L, "TZS")).isEqualTo("15,000 TZS");
		assertThat(Money.of(1_250L, "USD").plain()).isEqualTo("12.50 USD");
		assertThat(Money.plain(123_456_789L, "KES")).isEqualTo("1,234,567.89 KES");
		assertThat(in("de", () -> Money.plain(1_500_000L, "TZS"))).isEqualTo("15,000 TZS");
	}

}
