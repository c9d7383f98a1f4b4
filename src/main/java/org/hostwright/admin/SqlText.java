package org.hostwright.admin;

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
