package org.hostwright.provisioning;

import java.time.LocalDate;

import org.hostwright.catalog.BillingPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The prorated part of a plan change, with dates given (no clock, no database). */
class ProrationTests {

	@Test
	void theRestOfAMonthIsItsShareOfTheDifferenceInWholeShillings() {
		// 14 March to 13 April is 31 days; 10 of them are left on 4 April
		Proration.Share share = Proration.of(1_500_000, "TZS", LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 14),
				BillingPeriod.MONTHLY, 14);
		// 15,000 × 10 / 31 = 4,838.71 TZS: shown whole, so 4,839 TZS
		assertThat(share.amountMinor()).isEqualTo(483_900);
		assertThat(share.start()).isEqualTo(LocalDate.of(2026, 4, 4));
		assertThat(share.end()).isEqualTo(LocalDate.of(2026, 4, 13));
		assertThat(share.days()).isEqualTo(10);
	}

	@Test
	void aDowngradeCreditsTheSameAmountAnUpgradeCharges() {
		LocalDate today = LocalDate.of(2026, 4, 4);
		LocalDate due = LocalDate.of(2026, 4, 14);
		long up = Proration.of(1_500_000, "TZS", today, due, BillingPeriod.MONTHLY, 14).amountMinor();
		long down = Proration.of(-1_500_000, "TZS", today, due, BillingPeriod.MONTHLY, 14).amountMinor();
		assertThat(down).isEqualTo(-up);
	}

	@Test
	void centsAreKeptInACurrencyShownWithThem() {
		// 10.00 USD × 10 / 31 = 3.2258 USD: 3.23
		assertThat(Proration
			.of(1_000, "USD", LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 14), BillingPeriod.MONTHLY, 14)
			.amountMinor()).isEqualTo(323);
	}

	@Test
	void aFebruaryDayIsWorthAFebruaryShare() {
		// 31 January to 27 February is 28 days (anchor 31 keeps the end of the month)
		Proration.Share share = Proration.of(2_800_000, "TZS", LocalDate.of(2026, 2, 21), LocalDate.of(2026, 2, 28),
				BillingPeriod.MONTHLY, 31);
		assertThat(share.amountMinor()).isEqualTo(700_000);
		assertThat(share.days()).isEqualTo(7);
	}

	@Test
	void aWholePeriodPaidAheadCountsWhole() {
		// paid up to 13 May, on 4 April: 10 of the 31 days of the period ending 13 April
		// plus the whole period after it
		Proration.Share share = Proration.of(3_100_000, "TZS", LocalDate.of(2026, 4, 4), LocalDate.of(2026, 5, 14),
				BillingPeriod.MONTHLY, 14);
		assertThat(share.amountMinor()).isEqualTo(1_000_000 + 3_100_000);
		assertThat(share.end()).isEqualTo(LocalDate.of(2026, 5, 13));
	}

	@Test
	void theFirstDayOfAPeriodIsTheWholeDifferenceAndTheDueDateItselfNothing() {
		assertThat(Proration
			.of(1_500_000, "TZS", LocalDate.of(2026, 3, 14), LocalDate.of(2026, 4, 14), BillingPeriod.MONTHLY, 14)
			.amountMinor()).isEqualTo(1_500_000);
		Proration.Share none = Proration.of(1_500_000, "TZS", LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 14),
				BillingPeriod.MONTHLY, 14);
		assertThat(none.amountMinor()).isZero();
		assertThat(none.start()).isNull();
	}

	@Test
	void anAnnualPlanCountsTheDaysOfItsYear() {
		// 1 July 2027 to 30 June 2028 is 366 days; 183 left on 31 December 2027
		assertThat(Proration
			.of(36_600_000, "TZS", LocalDate.of(2027, 12, 31), LocalDate.of(2028, 7, 1), BillingPeriod.ANNUAL, 1)
			.amountMinor()).isEqualTo(18_300_000);
	}

}
