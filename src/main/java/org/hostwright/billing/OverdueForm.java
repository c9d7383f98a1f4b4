package org.hostwright.billing;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;

/**
 * The overdue rules as typed on the billing settings page (kept as text, so a page with
 * an error shows what was typed).
 */
record OverdueForm(String reminderDays, String suspendAfterDays, String terminateAfterDays,
		String terminationWarningDays, boolean automation, String runAt, String lateFee) {

	static OverdueForm of(OverdueRules r) {
		return new OverdueForm(OverdueRules.formatDays(r.reminderDays()), String.valueOf(r.suspendAfterDays()),
				String.valueOf(r.terminateAfterDays()), String.valueOf(r.terminationWarningDays()), r.automation(),
				r.runAt().toString(), r.lateFee().toString());
	}

	static OverdueForm of(Map<String, String> form) {
		return new OverdueForm(form.getOrDefault("reminder_days", ""), form.getOrDefault("suspend_after_days", ""),
				form.getOrDefault("terminate_after_days", ""), form.getOrDefault("termination_warning_days", ""),
				"true".equals(form.get("automation")), form.getOrDefault("run_at", ""),
				form.getOrDefault("late_fee", ""));
	}

	/** The rules, or every problem with its field. */
	OverdueRules toRules() {
		List<FieldProblem> problems = new ArrayList<>();
		List<Integer> days = List.of();
		try {
			days = OverdueRules.parseDays(reminderDays, "reminder_days");
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
		}
		int suspend = days("suspend_after_days", suspendAfterDays, problems);
		int terminate = days("terminate_after_days", terminateAfterDays, problems);
		int warning = days("termination_warning_days", terminationWarningDays, problems);
		LocalTime at = null;
		try {
			at = LocalTime.parse(runAt.strip());
		}
		catch (DateTimeParseException ex) {
			problems
				.add(new FieldProblem("run_at", "billing.overdue.run_at", "Give a time of day as HH:MM, e.g. 03:00."));
		}
		LateFee fee = LateFee.NONE;
		try {
			fee = LateFee.parse(lateFee, "late_fee");
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new OverdueRules(days, suspend, terminate, warning, automation, at, fee);
	}

	private static int days(String field, String text, List<FieldProblem> problems) {
		try {
			int n = Integer.parseInt(text.strip());
			if (n >= 0 && n <= 730) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "billing.overdue.days", "Give a number of days from 0 to 365."));
		return 0;
	}

}
