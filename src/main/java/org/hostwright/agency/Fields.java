package org.hostwright.agency;

import java.util.List;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;

/** Field checks shared by the agency's commands; problems are collected so a form shows them all. */
final class Fields {

	private Fields() {
	}

	static String required(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "agency.required", "This field is required."));
			return null;
		}
		return optional(problems, field, value, max);
	}

	static String optional(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			problems.add(new FieldProblem(field, "agency.tooLong", "Use at most " + max + " characters.", max));
		}
		return v;
	}

	static String email(List<FieldProblem> problems, String field, String value) {
		String v = optional(problems, field, value, 254);
		if (v != null && !v.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			problems.add(new FieldProblem(field, "agency.email.invalid", "Enter a valid e-mail address."));
		}
		return v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
	}

	static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
