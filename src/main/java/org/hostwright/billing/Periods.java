package org.hostwright.billing;

import java.time.LocalDate;
import java.time.YearMonth;

import org.hostwright.catalog.BillingPeriod;

/**
 * The period rule: a period starting on day {@code anchor} ends the day before the same
 * day {@code months} later; a month without that day uses its last day (31 January + one
 * month is 28 or 29 February), and the anchor is kept, so the following period starts on
 * 31 March again.
 */
public final class Periods {

	private Periods() {
	}

	/** The start of the period after the one starting on {@code start}. */
	public static LocalDate next(LocalDate start, BillingPeriod period, int anchor) {
		YearMonth month = YearMonth.from(start).plusMonths(period.months());
		return month.atDay(Math.min(anchor, month.lengthOfMonth()));
	}

	/** The last day of the period starting on {@code start}. */
	public static LocalDate lastDay(LocalDate start, BillingPeriod period, int anchor) {
		return next(start, period, anchor).minusDays(1);
	}

}
