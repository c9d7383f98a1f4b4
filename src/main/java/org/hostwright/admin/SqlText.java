package org.hostwright.admin;

import java.util.List;
import java.util.Locale;

import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.SearchTerms.Predicate;

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

	/**
	 * How a free-text term matches users, chosen so an index answers it: digits match the
	 * phone (trigram), an e-mail-like term the e-mail (trigram), one or two characters a
	 * prefix of the name or e-mail (btree; trigrams need three), anything else a
	 * substring of the name or e-mail (trigram).
	 */
	static Predicate userMatch(String term) {
		String t = term.strip();
		String lower = t.toLowerCase(Locale.ROOT);
		String digits = SearchTerms.phoneDigits(t);
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
