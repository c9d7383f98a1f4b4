package org.hostwright.platform.web;

import java.sql.SQLException;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Tells a value the database cannot store (SQLSTATE class 22, "data exception": too long,
 * out of range, a NUL byte) from a clash with existing data (a unique key): the first is
 * the caller's bad input, a 400; the second a 409.
 */
final class DatabaseRefusals {

	private DatabaseRefusals() {
	}

	static boolean isBadValue(DataIntegrityViolationException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

}
