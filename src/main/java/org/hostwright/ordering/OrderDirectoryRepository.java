package org.hostwright.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.hostwright.accounts.UserMatch;
import org.hostwright.platform.CustomPlans;
import org.hostwright.platform.JdbcStreams;
import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.Slice;
import org.hostwright.platform.States;
import org.hostwright.platform.Sums;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link OrderDirectory} in SQL. A search is two index-friendly branches (orders by
 * domain, orders of matching customers) united by id, so neither branch scans a million
 * orders; the customer's name and e-mail are joined for the page's rows alone.
 */
@Repository
class OrderDirectoryRepository implements OrderDirectory {

	private static final String COLUMNS = "o.id, o.uuid, o.customer_id, o.plan_id, o.plan_name, o.price_minor, o.currency, "
			+ "o.billing_period, o.phone, o.domain, o.status, o.payment_reference, o.created_at, o.paid_at, "
			+ "u.name AS customer_name, u.email AS customer_email";

	private final JdbcClient jdbc;

	private final CustomPlans plans;

	private final JdbcStreams streams;

	OrderDirectoryRepository(JdbcClient jdbc, CustomPlans plans, JdbcStreams streams) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.streams = streams;
	}

	private record Where(String sql, List<Object> args) {
	}

	@Override
	public Spending spendingOf(long customerId) {
		long[] counts = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN paid_at IS NOT NULL THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0)
				FROM orders WHERE customer_id = ?""")
			.params(OrderStatus.FAILED.wire(), customerId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		List<Amount> spent = jdbc.sql("""
				SELECT currency, SUM(price_minor) FROM orders WHERE customer_id = ? AND paid_at IS NOT NULL
				GROUP BY currency ORDER BY currency""")
			.param(customerId)
			.query((rs, n) -> new Amount(rs.getString(1), Sums.column(rs, 2)))
			.list();
		record Last(Instant at, Amount amount) {
		}
		Last last = jdbc.sql("""
				SELECT paid_at, currency, price_minor FROM orders WHERE customer_id = ? AND paid_at IS NOT NULL
				ORDER BY paid_at DESC LIMIT 1""")
			.param(customerId)
			.query((rs, n) -> new Last(rs.getTimestamp(1).toInstant(), new Amount(rs.getString(2), rs.getLong(3))))
			.optional()
			.orElse(new Last(null, null));
		return new Spending(counts[0], counts[1], counts[2], spent, last.at(), last.amount());
	}

	@Override
	public Slice<OrderRow> list(Filter filter, int page, int size) {
		Where where = where(filter, Slice.offset(page, size) + size + 1);
		// the page's ids first (index only), then the customer join for those rows alone
		return plans.slice(page, size,
				(offset, limit) -> jdbc
					.sql("SELECT " + COLUMNS
							+ " FROM orders o JOIN users u ON u.id = o.customer_id WHERE o.id IN (SELECT id FROM"
							+ " (SELECT o.id FROM orders o" + where.sql() + " ORDER BY o.id DESC LIMIT " + limit
							+ " OFFSET " + offset + ") p) ORDER BY o.id DESC")
					.params(where.args())
					.query(OrderDirectoryRepository::row)
					.list(),
				filter.q().isEmpty(), "orders o" + where.sql(), where.args());
	}

	@Override
	public List<OrderRow> recent(int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM orders o JOIN users u ON u.id = o.customer_id ORDER BY o.id DESC LIMIT "
					+ limit)
			.query(OrderDirectoryRepository::row)
			.list();
	}

	@Override
	public List<OrderRow> ofCustomer(long customerId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM orders o JOIN users u ON u.id = o.customer_id WHERE o.customer_id = ?"
					+ " ORDER BY o.id DESC LIMIT " + limit)
			.param(customerId)
			.query(OrderDirectoryRepository::row)
			.list();
	}

	@Override
	public Optional<OrderRow> byUuid(UUID uuid) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders o JOIN users u ON u.id = o.customer_id WHERE o.uuid = ?")
			.param(uuid)
			.query(OrderDirectoryRepository::row)
			.optional();
	}

	@Override
	public void forEach(Filter filter, Consumer<OrderRow> each) {
		Where where = where(filter, Integer.MAX_VALUE);
		streams.stream("SELECT " + COLUMNS + " FROM orders o JOIN users u ON u.id = o.customer_id" + where.sql()
				+ " ORDER BY o.id", where.args(), rs -> each.accept(row(rs, 0)));
	}

	/**
	 * The predicate on {@code o}; a free-text search becomes
	 * {@code o.id IN (branch UNION branch)}, each branch keeping only the newest
	 * {@code branchLimit} ids it needs.
	 */
	private static Where where(Filter f, int branchLimit) {
		StringBuilder sql = new StringBuilder(" WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (!f.status().isEmpty()) {
			sql.append(" AND o.status = ?");
			args.add(f.status());
		}
		if (f.q().isEmpty()) {
			return new Where(sql.toString(), args);
		}
		UUID uuid = SearchTerms.uuid(f.q());
		if (uuid != null) {
			sql.append(" AND o.uuid = ?");
			args.add(uuid);
			return new Where(sql.toString(), args);
		}
		String number = SearchTerms.orderNumber(f.q());
		if (number != null) {
			// the short order number that pages and mails show: the UUID's first eight
			// characters
			sql.append(" AND CAST(o.uuid AS VARCHAR(36)) LIKE ?");
			args.add(number + "-%");
			return new Where(sql.toString(), args);
		}
		String status = f.status().isEmpty() ? "" : " AND status = ?";
		String limit = branchLimit == Integer.MAX_VALUE ? "" : " ORDER BY id DESC LIMIT " + branchLimit;
		SearchTerms.Predicate users = UserMatch.ids(f.q());
		SearchTerms.Predicate domain = SearchTerms.domainMatch(f.q(), "domain");
		sql.append(" AND o.id IN (");
		if (domain != null) {
			sql.append("SELECT id FROM (SELECT id FROM orders WHERE ")
				.append(domain.sql())
				.append(status)
				.append(limit)
				.append(") d UNION ");
			args.addAll(domain.args());
			if (!status.isEmpty()) {
				args.add(f.status());
			}
		}
		sql.append("SELECT id FROM (SELECT id FROM orders WHERE customer_id IN (")
			.append(users.sql())
			.append(")")
			.append(status)
			.append(limit)
			.append(") c)");
		args.addAll(users.args());
		if (!status.isEmpty()) {
			args.add(f.status());
		}
		return new Where(sql.toString(), args);
	}

	private static OrderRow row(ResultSet rs, int n) throws SQLException {
		Timestamp paid = rs.getTimestamp("paid_at");
		return new OrderRow(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getLong("customer_id"),
				rs.getLong("plan_id"), rs.getString("plan_name"), rs.getLong("price_minor"), rs.getString("currency"),
				rs.getString("billing_period"), rs.getString("phone"), rs.getString("domain"),
				States.fromColumn(OrderStatus.class, rs.getString("status")), rs.getString("payment_reference"),
				rs.getTimestamp("created_at").toInstant(), paid == null ? null : paid.toInstant(),
				rs.getString("customer_name"), rs.getString("customer_email"));
	}

}
