package org.hostwright.billing;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.hostwright.platform.InvalidInputException;

/**
 * What the automation does to an unpaid invoice and when, in days from its due date:
 * reminders at each offset, suspension, a termination warning some days before
 * termination, termination; an optional late fee; the master switch and the time of the
 * daily run.
 *
 * @param reminderDays sorted, distinct offsets (negative: before the due date)
 */
record OverdueRules(List<Integer> reminderDays, int suspendAfterDays, int terminateAfterDays,
		int terminationWarningDays, boolean automation, LocalTime runAt, LateFee lateFee) {

	static final LocalTime DEFAULT_RUN_AT = LocalTime.of(3, 0);

	static final OverdueRules DEFAULTS = new OverdueRules(List.of(-3, 0, 3, 7), 7, 30, 5, true, DEFAULT_RUN_AT,
			LateFee.NONE);

	OverdueRules {
		reminderDays = List.copyOf(reminderDays);
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (suspendAfterDays < 0 || suspendAfterDays > 365) {
			problems.add(new InvalidInputException.FieldProblem("suspend_after_days", "billing.overdue.days",
					"Give a number of days from 0 to 365."));
		}
		if (terminateAfterDays < suspendAfterDays || terminateAfterDays > 730) {
			problems.add(new InvalidInputException.FieldProblem("terminate_after_days",
					"billing.overdue.terminate.days", "Termination comes after suspension, at most 730 days."));
		}
		if (terminationWarningDays < 0 || terminationWarningDays > terminateAfterDays) {
			problems.add(new InvalidInputException.FieldProblem("termination_warning_days",
					"billing.overdue.warning.days", "The warning comes between the due date and the termination."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** The day the warning is sent, in days after the due date. */
	int warningAfterDays() {
		return terminateAfterDays - terminationWarningDays;
	}

	/** {@code -3,0,3,7} → [-3, 0, 3, 7]; refused with the field's name when malformed. */
	static List<Integer> parseDays(String text, String field) {
		TreeSet<Integer> days = new TreeSet<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				int day = Integer.parseInt(part.strip());
				if (day < -60 || day > 365) {
					throw new NumberFormatException();
				}
				days.add(day);
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException(field, "billing.overdue.reminders",
						"Give whole days from -60 to 365 separated by commas, e.g. -3,0,3,7.");
			}
		}
		if (days.size() > 10) {
			throw new InvalidInputException(field, "billing.overdue.reminders",
					"Give whole days from -60 to 365 separated by commas, e.g. -3,0,3,7.");
		}
		return List.copyOf(days);
	}

	static String formatDays(List<Integer> days) {
		return days.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

}
