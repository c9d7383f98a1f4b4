package org.hostwright.admin;

/** How a value is written into a cell of the CSV exports. */
final class CsvCells {

	private CsvCells() {
	}

	/**
	 * Neutralises spreadsheet formulas in exported cells and quotes as RFC 4180 requires.
	 */
	static String of(Object value) {
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
