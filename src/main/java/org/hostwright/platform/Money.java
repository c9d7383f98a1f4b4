package org.hostwright.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Money(long minorUnits, String currency) {

	/** Currencies whose minor unit is not used in practice, shown as whole amounts. */
	private static final Set<String> WHOLE_ONLY = Set.of("TZS");

	/**
	 * The largest amount anyone may enter (a price, a payment): ten billion in a
	 * two-decimal currency. Far above any real price, and far enough below the long range
	 * that sums stay exact.
	 */
	public static final long MAX_ENTERED_MINOR = 1_000_000_000_000L;

	public Money {
		Objects.requireNonNull(currency, "currency");
		Currency.getInstance(currency);
	}

	public static Money of(long minorUnits, String currency) {
		return new Money(minorUnits, currency);
	}

	/**
	 * The same amount as a person reads it wherever no reader's language is known (the
	 * audit log, CSV notes): major units with thousands separators, then the currency
	 * code, e.g. {@code 15,000 TZS} or {@code 12.50 USD}. Shillings are whole, as the
	 * pages show them.
	 */
	public static String plain(long minorUnits, String currency) {
		Currency cur = Currency.getInstance(currency);
		int digits = shownWhole(cur.getCurrencyCode()) ? 0 : Math.max(0, cur.getDefaultFractionDigits());
		BigDecimal amount = BigDecimal.valueOf(minorUnits)
			.movePointLeft(Math.max(0, cur.getDefaultFractionDigits()))
			.setScale(digits, RoundingMode.HALF_UP);
		DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
				DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return format.format(amount) + " " + cur.getCurrencyCode();
	}

	/**
	 * Whether amounts in this currency are shown in whole units (nobody prices or pays in
	 * cents of a shilling).
	 */
	public static boolean shownWhole(String currency) {
		return WHOLE_ONLY.contains(currency);
	}

	/** {@link #plain(long, String)} for this amount. */
	public String plain() {
		return plain(minorUnits, currency);
	}

	/** The amount in major units, rounded down (e.g. ZenoPay takes whole shillings). */
	public long wholeUnits() {
		return minorUnits / factor();
	}

	private long factor() {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return (long) Math.pow(10, digits);
	}

}
