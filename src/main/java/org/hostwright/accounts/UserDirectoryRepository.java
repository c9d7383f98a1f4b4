package org.hostwright.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.hostwright.platform.CustomPlans;
import org.hostwright.platform.JdbcStreams;
import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.Slice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link UserDirectory} in SQL, over the users table. */
@Repository
class UserDirectoryRepository implements UserDirectory {

	private static final String COLUMNS = "id, name, email, phone, role, email_verified_at, created_at";

	private final JdbcClient jdbc;

	private final CustomPlans plans;

	private final JdbcStreams streams;

	UserDirectoryRepository(JdbcClient jdbc, CustomPlans plans, JdbcStreams streams) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.streams = streams;
	}

	@Override
	public Slice<UserRow> list(Filter filter, int page, int size) {
		SearchTerms.Predicate where = where(filter);
		return plans.slice(page, size,
				(offset, limit) -> jdbc
					.sql("SELECT " + COLUMNS + " FROM users" + where.sql() + " ORDER BY id DESC LIMIT " + limit
							+ " OFFSET " + offset)
					.params(where.args())
					.query(UserDirectoryRepository::row)
					.list(),
				filter.q().isEmpty(), "users" + where.sql(), where.args());
	}

	@Override
	public List<UserRow> recent(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE deleted_at IS NULL ORDER BY id DESC LIMIT " + limit)
			.query(UserDirectoryRepository::row)
			.list();
	}

	@Override
	public void forEach(Filter filter, Consumer<UserRow> each) {
		SearchTerms.Predicate where = where(filter);
		streams.stream("SELECT " + COLUMNS + " FROM users" + where.sql() + " ORDER BY id", where.args(),
				rs -> each.accept(row(rs, 0)));
	}

	private static SearchTerms.Predicate where(Filter f) {
		StringBuilder sql = new StringBuilder(" WHERE deleted_at IS NULL");
		List<Object> args = new ArrayList<>();
		if (!f.role().isEmpty()) {
			sql.append(" AND role = ?");
			args.add(f.role());
		}
		if (!f.q().isEmpty()) {
			SearchTerms.Predicate match = UserMatch.on(f.q());
			sql.append(" AND ").append(match.sql());
			args.addAll(match.args());
		}
		return new SearchTerms.Predicate(sql.toString(), args);
	}

	private static UserRow row(ResultSet rs, int n) throws SQLException {
		Timestamp verified = rs.getTimestamp("email_verified_at");
		return new UserRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
				rs.getString("role"), verified != null, rs.getTimestamp("created_at").toInstant());
	}

}
