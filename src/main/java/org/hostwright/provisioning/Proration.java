package org.hostwright.provisioning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

import org.hostwright.catalog.BillingPeriod;
import org.hostwright.platform.Money;

/**
 * The part of a price difference that falls on the rest of what the customer has paid
 * for: from today up to the day before the next due date. Each period counts its own days
 * (a February day is worth more than a March one, as the renewal charges a month whatever
 * its length); whole periods paid in advance count whole. The result is rounded half away
 * from zero to what the currency's amounts are shown in (whole shillings, cents), so an
 * upgrade's charge and the same downgrade's credit are the same amount.
 */
final class Proration {

	/**
	 * A prorated amount.
	 *
	 * @param amountMinor positive to invoice, negative to credit, zero when nothing is
	 * left of the period
	 * @param start the first day charged (today), null when nothing is left
	 * @param end the last day charged (the day before the next due date), null when
	 * nothing is left
	 * @param days the days from start to end, both included
	 */
	record Share(long amountMinor, LocalDate start, LocalDate end, long days) {

		static Share none() {
			return new Share(0, null, null, 0);
		}

	}

	private Proration() {
	}

	/**
	 * @param differenceMinor what the new plan costs more per whole period (negative for
	 * a cheaper one)
	 * @param nextDueDate the first day not yet paid for
	 * @param anchor the subscription's anchor day (the period rule of billing.Periods)
	 */
	static Share of(long differenceMinor, String currency, LocalDate today, LocalDate nextDueDate, BillingPeriod period,
			int anchor) {
		if (!nextDueDate.isAfter(today)) {
			return Share.none();
		}
		int wholePeriods = 0;
		LocalDate end = nextDueDate;
		LocalDate start = previous(end, period, anchor);
		while (start.isAfter(today)) {
			wholePeriods++;
			end = start;
			start = previous(end, period, anchor);
		}
		BigDecimal difference = BigDecimal.valueOf(differenceMinor);
		BigDecimal part = difference.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(today, end)))
			.divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end)), 10, RoundingMode.HALF_UP);
		BigDecimal exact = difference.multiply(BigDecimal.valueOf(wholePeriods)).add(part);
		return new Share(roundShown(exact, currency), today, nextDueDate.minusDays(1),
				ChronoUnit.DAYS.between(today, nextDueDate));
	}

	/** The start of the period that ends the day before {@code start}. */
	static LocalDate previous(LocalDate start, BillingPeriod period, int anchor) {
		YearMonth month = YearMonth.from(start).minusMonths(period.months());
		return month.atDay(Math.min(anchor, month.lengthOfMonth()));
	}

	private static long roundShown(BigDecimal minor, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		BigDecimal step = Money.shownWhole(currency) ? BigDecimal.TEN.pow(digits) : BigDecimal.ONE;
		return minor.divide(step, 0, RoundingMode.HALF_UP).multiply(step).longValueExact();
	}

}
