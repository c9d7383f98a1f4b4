package org.hostwright.platform;

import java.util.Currency;
import java.util.Objects;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Money(long minorUnits, String currency) {

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

	/** The amount in major units, rounded down (e.g. ZenoPay takes whole shillings). */
	public long wholeUnits() {
		return minorUnits / factor();
	}

	private long factor() {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return (long) Math.pow(10, digits);
	}

}
