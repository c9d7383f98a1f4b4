package org.hostwright.platform;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Money totals that cannot overflow. Amounts are bounded where they are entered
 * ({@link Money#MAX_ENTERED_MINOR}), but a total over many rows is read as a decimal
 * (PostgreSQL sums BIGINT into NUMERIC) and added saturating, so one absurd row can never
 * break a dashboard.
 */
public final class Sums {

	private Sums() {
	}

	/** A SQL sum column as a long, pinned to the long range (0 when NULL). */
	public static long column(ResultSet rs, int column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? 0 : pinned(value);
	}

	/** A SQL sum column as a long, pinned to the long range (0 when NULL). */
	public static long column(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? 0 : pinned(value);
	}

	/** {@code a + b}, or the nearest end of the long range when the sum does not fit. */
	public static long add(long a, long b) {
		long sum = a + b;
		if (((a ^ sum) & (b ^ sum)) < 0) {
			return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
		return sum;
	}

	private static long pinned(BigDecimal value) {
		if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			return Long.MAX_VALUE;
		}
		if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
			return Long.MIN_VALUE;
		}
		return value.longValue();
	}

}
