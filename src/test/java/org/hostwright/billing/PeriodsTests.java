package org.hostwright.billing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.catalog.BillingPeriod.ANNUAL;
import static org.hostwright.catalog.BillingPeriod.MONTHLY;
import static org.hostwright.catalog.BillingPeriod.QUARTERLY;

class PeriodsTests {

	@Test
	void aMonthAQuarterAndAYearStartOnTheSameDay() {
		LocalDate start = LocalDate.of(2026, 3, 15);
		assertThat(Periods.next(start, MONTHLY, 15)).isEqualTo(LocalDate.of(2026, 4, 15));
		assertThat(Periods.next(start, QUARTERLY, 15)).isEqualTo(LocalDate.of(2026, 6, 15));
		assertThat(Periods.next(start, ANNUAL, 15)).isEqualTo(LocalDate.of(2027, 3, 15));
		assertThat(Periods.lastDay(start, MONTHLY, 15)).isEqualTo(LocalDate.of(2026, 4, 14));
	}

	@Test
	void theThirtyFirstOfJanuaryPlusAMonthIsTheEndOfFebruaryAndTheAnchorIsKept() {
		LocalDate feb = Periods.next(LocalDate.of(2026, 1, 31), MONTHLY, 31);
		assertThat(feb).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(Periods.next(feb, MONTHLY, 31)).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(Periods.next(LocalDate.of(2028, 1, 31), MONTHLY, 31)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(Periods.next(LocalDate.of(2026, 11, 30), QUARTERLY, 31)).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void aLeapDayRenewsOnTheTwentyEighthThenOnTheLeapDayAgain() {
		LocalDate leap = LocalDate.of(2028, 2, 29);
		LocalDate next = Periods.next(leap, ANNUAL, 29);
		assertThat(next).isEqualTo(LocalDate.of(2029, 2, 28));
		assertThat(Periods.next(LocalDate.of(2031, 2, 28), ANNUAL, 29)).isEqualTo(LocalDate.of(2032, 2, 29));
		assertThat(Periods.next(leap, MONTHLY, 29)).isEqualTo(LocalDate.of(2028, 3, 29));
	}

}
