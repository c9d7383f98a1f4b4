package org.hostwright.catalog;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.hostwright.platform.InvalidInputException.FieldProblem;

/**
 * Checks a plan's own overdue days with the billing settings' rules: the suspension,
 * termination and warning days together or not at all (so a plan never combines its own
 * suspension day with a termination day from the settings that an admin may change
 * later), termination after suspension, the warning between the due date and the
 * termination; reminder offsets whole days from -60 to 365, at most ten.
 */
final class PlanOverdueDays {

	private PlanOverdueDays() {
	}

	static Plan.OverdueDays validate(PlanDraft d, List<FieldProblem> problems) {
		Integer suspend = d.suspendAfterDays();
		Integer terminate = d.terminateAfterDays();
		Integer warning = d.terminationWarningDays();
		String reminders = reminders(d.reminderDays(), problems);
		boolean none = suspend == null && terminate == null && warning == null;
		if (none) {
			return new Plan.OverdueDays(null, null, null, reminders);
		}
		if (suspend == null || terminate == null || warning == null) {
			for (String field : new String[] { suspend == null ? "suspendAfterDays" : null,
					terminate == null ? "terminateAfterDays" : null,
					warning == null ? "terminationWarningDays" : null }) {
				if (field != null) {
					problems.add(new FieldProblem(field, "catalog.plan.overdueDays.together",
							"Give the three days together, or leave all three empty."));
				}
			}
			return Plan.OverdueDays.NONE;
		}
		int before = problems.size();
		if (suspend < 0 || suspend > 365) {
			problems.add(new FieldProblem("suspendAfterDays", "catalog.plan.suspendDays.invalid",
					"Give a number of days from 0 to 365."));
		}
		if (terminate < suspend || terminate > 730) {
			problems.add(new FieldProblem("terminateAfterDays", "catalog.plan.terminateDays.invalid",
					"Termination comes after suspension, at most 730 days."));
		}
		if (warning < 0 || warning > terminate) {
			problems.add(new FieldProblem("terminationWarningDays", "catalog.plan.warningDays.invalid",
					"The warning comes between the due date and the termination."));
		}
		return problems.size() > before ? Plan.OverdueDays.NONE
				: new Plan.OverdueDays(suspend, terminate, warning, reminders);
	}

	/** {@code " 7, -3,0"} → {@code "-3,0,7"}; blank → null. */
	private static String reminders(String raw, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		TreeSet<Integer> days = new TreeSet<>();
		for (String part : raw.split(",")) {
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
				days = null;
				break;
			}
		}
		if (days == null || days.isEmpty() || days.size() > 10) {
			problems.add(new FieldProblem("reminderDays", "catalog.plan.reminderDays.invalid",
					"Give whole days from -60 to 365 separated by commas, e.g. -3,0,3,7, or leave it empty."));
			return null;
		}
		return days.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

}
