package org.hostwright.catalog;

/**
 * How often a plan is billed; {@link #months()} converts any period to a monthly figure.
 */
public enum BillingPeriod {

	MONTHLY(1), QUARTERLY(3), ANNUAL(12);

	private final int months;

	BillingPeriod(int months) {
		this.months = months;
	}

	public int months() {
		return months;
	}

	/**
	 * The monthly equivalent of a price charged once per period, in minor units (rounded
	 * down).
	 */
	public long monthly(long priceMinor) {
		return priceMinor / months;
	}

}
