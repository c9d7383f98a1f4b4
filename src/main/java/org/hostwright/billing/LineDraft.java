package org.hostwright.billing;

import java.time.LocalDate;

/**
 * A line to invoice: the price is as entered (tax-inclusive or not, per the settings).
 */
public record LineDraft(String description, int quantity, long unitPriceMinor, String serviceKind, Long serviceId,
		LocalDate periodStart, LocalDate periodEnd) {

	public static LineDraft simple(String description, int quantity, long unitPriceMinor) {
		return new LineDraft(description, quantity, unitPriceMinor, null, null, null, null);
	}

}
