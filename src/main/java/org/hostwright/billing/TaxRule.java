package org.hostwright.billing;

/**
 * Tax of one line, in integers: rates are basis points (1800 = 18 %), results are rounded
 * half up. The renewal step computes the same figures in SQL with the same formulas.
 */
record TaxRule(int rateBp, boolean pricesIncludeTax) {

	record LineAmounts(long net, long tax, long total) {
	}

	LineAmounts of(long amount) {
		if (pricesIncludeTax) {
			long net = roundedDivision(amount * 10_000, 10_000 + rateBp);
			return new LineAmounts(net, amount - net, amount);
		}
		long tax = roundedDivision(amount * rateBp, 10_000);
		return new LineAmounts(amount, tax, amount + tax);
	}

	/**
	 * a / b rounded half up, for a >= 0 and b > 0 (the SQL writes (2a + b) / (2b) the
	 * same way).
	 */
	static long roundedDivision(long a, long b) {
		return (2 * a + b) / (2 * b);
	}

	/** A rate as people write it: 18, 17.5. */
	static String percent(int rateBp) {
		return java.math.BigDecimal.valueOf(rateBp, 2).stripTrailingZeros().toPlainString();
	}

}
