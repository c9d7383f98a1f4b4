package org.hostwright.sites;

import java.util.List;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;

/** Small field checks shared by the editor's commands. */
final class Checks {

	private Checks() {
	}

	static String required(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "sites.required", "This field is required."));
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			problems.add(new FieldProblem(field, "sites.tooLong", "Use at most " + max + " characters."));
		}
		return v;
	}

	static String optionalUrl(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > 500 || !v.matches("^(https?://|/)[^\\s\"'<>]+$")) {
			problems.add(new FieldProblem(field, "sites.url.invalid", "Enter an address starting with https://."));
		}
		return v;
	}

	static String optionalEmail(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > 254 || !v.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
			problems.add(new FieldProblem(field, "sites.email.invalid", "Enter a valid e-mail address."));
		}
		return v;
	}

	static String trimTo(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return v.length() > max ? v.substring(0, max) : v;
	}

	static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
