package org.hostwright.admin;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.hostwright.platform.SqlLike.ESCAPE;
import static org.hostwright.platform.SqlLike.contains;
import static org.hostwright.platform.SqlLike.startsWith;

/**
 * Small helpers for building search predicates safely (values are always bound, never
 * inlined).
 */
final class SqlText {

	private SqlText() {
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/**
	 * The digits of a phone search ("0712 345" → "712345"), or null when it is not
	 * phone-like.
	 */
	static String phoneDigits(String term) {
		String t = term.strip();
		if (!t.matches("[+0-9 ()-]{4,}")) {
			return null;
		}
		String digits = t.replaceAll("\\D", "").replaceFirst("^0+", "");
		return digits.length() >= 3 ? digits : null;
	}

	/** A predicate with its bound values. */
	record Predicate(String sql, List<Object> args) {
	}

	/**
	 * How a free-text term matches users, chosen so an index answers it: digits match the
	 * phone (trigram), an e-mail-like term the e-mail (trigram), one or two characters a
	 * prefix of the name or e-mail (btree; trigrams need three), anything else a
	 * substring of the name or e-mail (trigram).
	 */
	static Predicate userMatch(String term) {
		String t = term.strip();
		String lower = t.toLowerCase(Locale.ROOT);
		String digits = phoneDigits(t);
		if (digits != null) {
			return new Predicate("phone LIKE ?" + ESCAPE, List.of("%" + digits + "%"));
		}
		if (lower.matches("^[^@\\s%_]+@[^@\\s%_]+\\.[a-z]{2,}$")) {
			// a whole address: the unique index answers at once
			return new Predicate("email = ?", List.of(lower));
		}
		if (t.contains("@")) {
			return new Predicate("email LIKE ?" + ESCAPE, List.of(contains(lower)));
		}
		if (t.length() < 3) {
			String prefix = startsWith(lower);
			return new Predicate("(lower(name) LIKE ?" + ESCAPE + " OR email LIKE ?" + ESCAPE + ")",
					List.of(prefix, prefix));
		}
		return new Predicate("(name ILIKE ?" + ESCAPE + " OR email LIKE ?" + ESCAPE + ")",
				List.of(contains(t), contains(lower)));
	}

	/**
	 * How a term matches a domain (stored lower-case), or null when it cannot be part of
	 * one.
	 */
	static Predicate domainMatch(String term, String column) {
		String lower = term.strip().toLowerCase(Locale.ROOT);
		if (lower.contains("@") || lower.contains(" ") || phoneDigits(lower) != null) {
			return null;
		}
		if (lower.length() < 3) {
			return new Predicate(column + " LIKE ?" + ESCAPE, List.of(startsWith(lower)));
		}
		return new Predicate(column + " LIKE ?" + ESCAPE, List.of(contains(lower)));
	}

	/**
	 * The term as a short order number (eight hex digits, as pages show it), in the lower
	 * case the UUID's text has; null when it is not one.
	 */
	static String orderNumber(String term) {
		String t = term == null ? "" : term.strip().replaceFirst("^#", "");
		return t.matches("[0-9A-Fa-f]{8}") ? t.toLowerCase(Locale.ROOT) : null;
	}

	static UUID uuid(String term) {
		try {
			return term == null ? null : UUID.fromString(term.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Neutralises spreadsheet formulas in exported cells and quotes as RFC 4180 requires.
	 */
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
