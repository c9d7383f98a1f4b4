package org.hostwright.billing;

import java.util.List;

import org.hostwright.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The overdue rules and the late fee as typed by an admin or given by the environment.
 */
class OverdueRulesTests {

	@Test
	void reminderDaysAreSortedAndDistinctAndMalformedOnesAreRefusedWithTheirField() {
		assertThat(OverdueRules.parseDays(" 7, -3,0 ,3,3", "f")).containsExactly(-3, 0, 3, 7);
		assertThat(OverdueRules.parseDays("", "f")).isEmpty();
		assertThatThrownBy(() -> OverdueRules.parseDays("1,x", "reminder_days")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fields().get(0).field()).isEqualTo("reminder_days"));
		assertThatThrownBy(() -> OverdueRules.parseDays("400", "f")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void terminationComesAfterSuspensionAndTheWarningBeforeTermination() {
		assertThatThrownBy(
				() -> new OverdueRules(List.of(0), 10, 5, 1, true, OverdueRules.DEFAULT_RUN_AT, LateFee.NONE))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> new OverdueRules(List.of(0), 7, 30, 31, true, OverdueRules.DEFAULT_RUN_AT, LateFee.NONE))
			.isInstanceOf(InvalidInputException.class);
		assertThat(OverdueRules.DEFAULTS.warningAfterDays()).isEqualTo(25);
	}

	@Test
	void aLateFeeIsNothingAFixedAmountOrAPercentageRoundedHalfUp() {
		assertThat(LateFee.parse("", "f").none()).isTrue();
		assertThat(LateFee.parse(null, "f").none()).isTrue();
		assertThat(LateFee.parse("5000", "f").on(123_456)).isEqualTo(5_000);
		assertThat(LateFee.parse("5%", "f").on(10_000)).isEqualTo(500);
		assertThat(LateFee.parse("2.5%", "f").on(101)).isEqualTo(3);
		assertThat(LateFee.parse("2.5%", "f")).hasToString("2.5%");
		for (String bad : new String[] { "0", "-5", "5 %%", "abc", "101%", "1.234%" }) {
			assertThatThrownBy(() -> LateFee.parse(bad, "late_fee")).as(bad).isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void theFormKeepsWhatWasTypedAndReportsEveryBadField() {
		OverdueForm typed = new OverdueForm("-3,x", "seven", "30", "5", true, "25:00", "5 euros");
		assertThatThrownBy(typed::toRules).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.fields()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactlyInAnyOrder("reminder_days", "suspend_after_days", "run_at", "late_fee"));
		assertThat(OverdueForm.of(OverdueRules.DEFAULTS).toRules()).isEqualTo(OverdueRules.DEFAULTS);
	}

}
