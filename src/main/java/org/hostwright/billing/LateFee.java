package org.hostwright.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.hostwright.platform.InvalidInputException;

/**
 * The optional fee added once to an invoice that is paid late: nothing, a fixed amount in
 * minor units of the invoice's currency ({@code 5000}), or a percentage of its total
 * ({@code 5%}, in basis points so the sum stays in integers).
 */
record LateFee(Long fixedMinor, Integer percentBp) {

	static final LateFee NONE = new LateFee(null, null);

	boolean none() {
		return fixedMinor == null && percentBp == null;
	}

	/** The fee on an invoice of that total (half up). */
	long on(long totalMinor) {
		if (fixedMinor != null) {
			return fixedMinor;
		}
		if (percentBp != null) {
			return (2 * totalMinor * percentBp + 10_000) / 20_000;
		}
		return 0;
	}

	/** Empty: none; {@code 5%}, {@code 2.5%} or {@code 5000}. */
	static LateFee parse(String text, String field) {
		if (text == null || text.isBlank()) {
			return NONE;
		}
		String t = text.strip();
		try {
			if (t.endsWith("%")) {
				BigDecimal percent = new BigDecimal(t.substring(0, t.length() - 1).strip());
				if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 2) {
					throw new NumberFormatException();
				}
				return new LateFee(null,
						percent.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).intValueExact());
			}
			long fixed = Long.parseLong(t);
			if (fixed <= 0 || fixed > 1_000_000_000L) {
				throw new NumberFormatException();
			}
			return new LateFee(fixed, null);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new InvalidInputException(field, "billing.overdue.late_fee",
					"Leave empty for none, or give a percentage (5%) or an amount in minor units (5000).");
		}
	}

	@Override
	public String toString() {
		if (fixedMinor != null) {
			return String.valueOf(fixedMinor);
		}
		if (percentBp != null) {
			return BigDecimal.valueOf(percentBp, 2).stripTrailingZeros().toPlainString() + "%";
		}
		return "";
	}

}
