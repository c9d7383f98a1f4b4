package org.hostwright.admin;

import java.util.UUID;

/** Small helpers for building search predicates safely (values are always bound, never inlined). */
final class SqlText {

	private SqlText() {
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** A {@code %term%} pattern for LIKE/ILIKE with the wildcards in the term escaped. */
	static String contains(String term) {
		String t = term.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + t + "%";
	}

	/** The digits of a phone search ("0712 345" → "712345"), or null when it is not phone-like. */
	static String phoneDigits(String term) {
		String t = term.strip();
		if (!t.matches("[+0-9 ()-]{4,}")) {
			return null;
		}
		String digits = t.replaceAll("\\D", "").replaceFirst("^0+", "");
		return digits.length() >= 3 ? digits : null;
	}

	static UUID uuid(String term) {
		try {
			return term == null ? null : UUID.fromString(term.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Neutralises spreadsheet formulas in exported cells and quotes as RFC 4180 requires. */
	static String csv(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			s = "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}

}
