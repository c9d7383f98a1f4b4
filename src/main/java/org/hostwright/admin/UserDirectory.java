package org.hostwright.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hostwright.platform.CustomPlans;
import org.hostwright.platform.JdbcStreams;
import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.Slice;
import org.hostwright.platform.Sums;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads users for the admin console. Searches name, e-mail and phone (trigram indexes on
 * PostgreSQL), newest first, with bounded pagination and a bounded count.
 */
@Repository
class UserDirectory {

	private final JdbcClient jdbc;

	private final CustomPlans plans;

	UserDirectory(JdbcClient jdbc, CustomPlans plans) {
		this.jdbc = jdbc;
		this.plans = plans;
	}

	record Filter(String q, String role) {

		Filter {
			q = q == null ? "" : q.strip();
			role = role == null || role.isBlank() ? "" : role.strip().toUpperCase(Locale.ROOT);
			if (!role.isEmpty() && !role.equals("ADMIN") && !role.equals("CUSTOMER")) {
				role = "";
			}
		}

	}

	record UserRow(long id, String name, String email, String phone, String role, boolean emailVerified,
			Instant createdAt) {

		public boolean admin() {
			return "ADMIN".equals(role);
		}

	}

	/**
	 * What the user detail page shows beside the profile: order figures and spending per
	 * currency.
	 */
	record Spending(long orders, long paidOrders, List<Amount> totalSpent) {
	}

	record Amount(String currency, long minor) {
	}

	private record Where(String sql, List<Object> args) {
	}

	/**
	 * A page of users, newest first. The bounded total is counted for the role filter
	 * only: a text search shows pages without a total, since counting thousands of fuzzy
	 * matches costs more than the page itself.
	 */
	Slice<UserRow> list(Filter filter, int page, int size) {
		Where where = where(filter);
		return plans.run(() -> {
			List<UserRow> rows = jdbc
				.sql("SELECT id, name, email, phone, role, email_verified_at, created_at FROM users" + where.sql()
						+ " ORDER BY id DESC LIMIT " + (size + 1) + " OFFSET " + Slice.offset(page, size))
				.params(where.args())
				.query(UserDirectory::row)
				.list();
			long total = filter.q().isEmpty() ? jdbc
				.sql("SELECT COUNT(*) FROM (SELECT 1 FROM users" + where.sql() + " LIMIT " + (Slice.COUNT_CAP + 1)
						+ ") t")
				.params(where.args())
				.query(Long.class)
				.single() : Slice.UNKNOWN;
			return Slice.of(rows, page, size, total);
		});
	}

	List<UserRow> recent(int limit) {
		return jdbc
			.sql("SELECT id, name, email, phone, role, email_verified_at, created_at FROM users"
					+ " WHERE deleted_at IS NULL ORDER BY id DESC LIMIT " + limit)
			.query(UserDirectory::row)
			.list();
	}

	Spending spending(long userId) {
		var counts = jdbc.sql("""
				SELECT COUNT(*) AS orders, COALESCE(SUM(CASE WHEN paid_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS paid
				FROM orders WHERE customer_id = ?""")
			.param(userId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		List<Amount> spent = jdbc.sql("""
				SELECT currency, SUM(price_minor) FROM orders WHERE customer_id = ? AND paid_at IS NOT NULL
				GROUP BY currency ORDER BY currency""")
			.param(userId)
			.query((rs, n) -> new Amount(rs.getString(1), Sums.column(rs, 2)))
			.list();
		return new Spending(counts[0], counts[1], spent);
	}

	/** Streams every matching user to the consumer (CSV export), in id order. */
	void forEach(Filter filter, JdbcStreams streams, java.util.function.Consumer<UserRow> each) {
		Where where = where(filter);
		streams.stream("SELECT id, name, email, phone, role, email_verified_at, created_at FROM users" + where.sql()
				+ " ORDER BY id", where.args(), rs -> each.accept(row(rs, 0)));
	}

	private static Where where(Filter f) {
		StringBuilder sql = new StringBuilder(" WHERE deleted_at IS NULL");
		List<Object> args = new ArrayList<>();
		if (!f.role().isEmpty()) {
			sql.append(" AND role = ?");
			args.add(f.role());
		}
		if (!f.q().isEmpty()) {
			SearchTerms.Predicate match = SqlText.userMatch(f.q());
			sql.append(" AND ").append(match.sql());
			args.addAll(match.args());
		}
		return new Where(sql.toString(), args);
	}

	static UserRow row(ResultSet rs, int n) throws SQLException {
		Timestamp verified = rs.getTimestamp("email_verified_at");
		return new UserRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
				rs.getString("role"), verified != null, rs.getTimestamp("created_at").toInstant());
	}

}
