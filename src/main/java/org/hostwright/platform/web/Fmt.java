package org.hostwright.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hostwright.platform.Money;
import org.hostwright.platform.PlatformProperties;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats money and dates for the current request's locale; templates call it as
 * {@code @fmt}.
 */
@Component("fmt")
public class Fmt {

	private final PlatformProperties properties;

	Fmt(PlatformProperties properties) {
		this.properties = properties;
	}

	public String money(Money money) {
		return money == null ? "" : money(money.minorUnits(), money.currency());
	}

	public String money(Long minorUnits, String currency) {
		if (minorUnits == null || currency == null) {
			return "";
		}
		Locale locale = locale();
		Currency cur = Currency.getInstance(currency);
		int digits = Math.max(0, cur.getDefaultFractionDigits());
		BigDecimal amount = BigDecimal.valueOf(minorUnits).movePointLeft(digits);
		if (Money.shownWhole(cur.getCurrencyCode())) {
			// nobody pays or prices in cents of a shilling: whole shillings in every
			// language
			amount = amount.setScale(0, RoundingMode.HALF_UP);
		}
		// whole amounts (the usual case for TZS plans) read better without ",00"
		boolean whole = amount.stripTrailingZeros().scale() <= 0;
		MoneyFormat format = MONEY_FORMATS.computeIfAbsent(new MoneyStyle(locale, cur, whole), MoneyFormat::of);
		// a format is not thread-safe: each call formats with its own copy
		return spaced(((NumberFormat) format.prototype().clone()).format(amount), format.symbol());
	}

	/**
	 * Building a currency format looks up the locale's data every time (a billing run
	 * formats tens of thousands of amounts); a copy of a kept one is much cheaper.
	 */
	private static final Map<MoneyStyle, MoneyFormat> MONEY_FORMATS = new ConcurrentHashMap<>();

	private record MoneyStyle(Locale locale, Currency currency, boolean whole) {
	}

	private record MoneyFormat(NumberFormat prototype, String symbol) {

		static MoneyFormat of(MoneyStyle style) {
			NumberFormat format = NumberFormat.getCurrencyInstance(style.locale());
			format.setCurrency(style.currency());
			int digits = Math.max(0, style.currency().getDefaultFractionDigits());
			format.setMinimumFractionDigits(style.whole() ? 0 : digits);
			format.setMaximumFractionDigits(digits);
			return new MoneyFormat(format, style.currency().getSymbol(style.locale()));
		}

	}

	/**
	 * Some locales glue a letter symbol to the number ("TZS15,000" in English); a
	 * non-breaking space keeps the code readable and on the same line as the amount.
	 */
	private static String spaced(String formatted, String symbol) {
		boolean letters = !symbol.isEmpty() && symbol.chars().allMatch(Character::isLetter);
		if (letters && formatted.startsWith(symbol) && formatted.length() > symbol.length()
				&& Character.isDigit(formatted.charAt(symbol.length()))) {
			return symbol + '\u00A0' + formatted.substring(symbol.length());
		}
		return formatted;
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale())
			.withZone(properties.timeZone())
			.format(instant);
	}

	public String date(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(locale())
			.withZone(properties.timeZone())
			.format(instant);
	}

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	/**
	 * The reader's locale; English when nothing set one (a job outside any request or
	 * e-mail), never the server's own locale.
	 */
	private static Locale locale() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale == null ? Locale.ENGLISH : locale;
	}

	/** ISO-8601 timestamp for machine-readable attributes ({@code <time datetime>}). */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	/**
	 * The short order number that customers and admins see everywhere (pages, mails,
	 * lists): the first eight characters of the order's UUID in capitals, e.g.
	 * {@code 3F2A9C1B}. Enough to tell orders apart and to read out on the phone; the
	 * full UUID stays in addresses and the API.
	 */
	public String orderNumber(Object uuid) {
		if (uuid == null) {
			return "";
		}
		String text = uuid.toString();
		return text.substring(0, Math.min(8, text.length())).toUpperCase(Locale.ROOT);
	}

	public String number(long value) {
		return NumberFormat.getIntegerInstance(locale()).format(value);
	}

}
