package org.hostwright.platform;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hostwright.platform.InvalidInputException.FieldProblem;

/**
 * The one field-validation helper for commands: each check reads one field, records what
 * is wrong as a {@link FieldProblem} and returns the cleaned value, so a form shows every
 * problem at once; {@link #throwIfAny} ends the command with a 400 when any were found.
 */
public final class Fields {

	private static final Pattern URL = Pattern.compile("^(https?://|/)[^\\s\"'<>]+$");

	private Fields() {
	}

	/** The stripped value; a problem when it is blank or longer than {@code max}. */
	public static String required(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "field.required", "This field is required."));
			return null;
		}
		return optional(problems, field, value, max);
	}

	/** The stripped value or null when blank; a problem when longer than {@code max}. */
	public static String optional(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			problems.add(new FieldProblem(field, "field.tooLong", "Use at most " + max + " characters."));
		}
		return v;
	}

	/**
	 * The address in lower case, or null when blank; a problem when it is not an e-mail
	 * address.
	 */
	public static String optionalEmail(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (!EmailAddresses.isValid(v)) {
			problems.add(new FieldProblem(field, "field.email.invalid", "Enter a valid e-mail address."));
		}
		return v.toLowerCase(Locale.ROOT);
	}

	/** An absolute http(s) address or a site-relative path, or null when blank. */
	public static String optionalUrl(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > 500 || !URL.matcher(v).matches()) {
			problems.add(new FieldProblem(field, "field.url.invalid", "Enter an address starting with https://."));
		}
		return v;
	}

	/**
	 * The stripped value cut to {@code max} characters, or null when blank (for text that
	 * may be shortened).
	 */
	public static String trimTo(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		return v.length() > max ? v.substring(0, max) : v;
	}

	public static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
