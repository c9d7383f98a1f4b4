package org.hostwright.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.hostwright.platform.CustomPlans;
import org.hostwright.platform.JdbcStreams;
import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.Slice;
import org.hostwright.platform.SqlLike;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ServiceDirectory} in SQL: the services table with its customer's name and e-mail
 * and its order's plan and price joined in, so a page is one query.
 */
@Repository
class ServiceDirectoryRepository implements ServiceDirectory {

	/**
	 * Every column {@link ServiceStore#service} reads, then what the lists show beside.
	 */
	private static final String COLUMNS = Arrays.stream(ServiceStore.COLUMNS.split(",\\s*"))
		.map(c -> "s." + c)
		.collect(Collectors.joining(", "))
			+ ", u.name AS customer_name, u.email AS customer_email, o.plan_name, o.price_minor, o.currency,"
			+ " o.billing_period";

	private static final String FROM = " FROM services s JOIN users u ON u.id = s.customer_id JOIN orders o ON o.id = s.order_id";

	private final JdbcClient jdbc;

	private final CustomPlans plans;

	private final JdbcStreams streams;

	ServiceDirectoryRepository(JdbcClient jdbc, CustomPlans plans, JdbcStreams streams) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.streams = streams;
	}

	private record Where(String sql, List<Object> args) {
	}

	@Override
	public Slice<ServiceRow> list(ServiceSearch search, int page, int size) {
		Where where = where(search, null);
		return plans.slice(page, size, (offset, limit) -> matching(search, null, offset, limit), search.q().isEmpty(),
				"services s" + where.sql(), where.args());
	}

	@Override
	public List<ServiceRow> search(ServiceSearch search, Long beforeId, int limit) {
		return plans.run(() -> matching(search, beforeId, 0, Math.max(1, Math.min(limit, 200))));
	}

	/**
	 * The one services search, newest first. The page's ids first (index only), then the
	 * joins for those rows alone: a deep page does not join the thousands of rows it
	 * skips.
	 */
	private List<ServiceRow> matching(ServiceSearch search, Long beforeId, int offset, int limit) {
		Where where = where(search, beforeId);
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.id IN (SELECT id FROM (SELECT s.id FROM services s"
				+ where.sql() + " ORDER BY s.id DESC LIMIT " + limit + " OFFSET " + offset + ") p) ORDER BY s.id DESC")
			.params(where.args())
			.query(ServiceDirectoryRepository::row)
			.list();
	}

	@Override
	public List<ServiceRow> recent(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " ORDER BY s.id DESC LIMIT " + limit)
			.query(ServiceDirectoryRepository::row)
			.list();
	}

	@Override
	public List<ServiceRow> ofCustomer(long customerId) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.customer_id = ?"
				+ " ORDER BY CASE WHEN s.status = ? THEN 0 WHEN s.status IN (?, ?) THEN 1 ELSE 2 END, s.id DESC LIMIT 200")
			.params(customerId, ServiceStatus.ACTIVE.wire(), ServiceStatus.PROVISIONING.wire(),
					ServiceStatus.REQUESTED.wire())
			.query(ServiceDirectoryRepository::row)
			.list();
	}

	@Override
	public List<ServiceRow> ofOrder(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.order_id = ?")
			.param(orderId)
			.query(ServiceDirectoryRepository::row)
			.list();
	}

	@Override
	public void forEach(ServiceSearch search, Consumer<ServiceRow> each) {
		Where where = where(search, null);
		streams.stream("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY s.id", where.args(),
				rs -> each.accept(row(rs, 0)));
	}

	/**
	 * The predicate on {@code s}: the status, and a term matching part of the domain
	 * (stored lower-case) or the panel username, as a prefix when it is shorter than the
	 * three characters a trigram index needs.
	 */
	private static Where where(ServiceSearch f, Long beforeId) {
		StringBuilder sql = new StringBuilder(" WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (!f.status().isEmpty()) {
			sql.append(" AND s.status = ?");
			args.add(f.status());
		}
		if (!f.q().isEmpty()) {
			SearchTerms.Predicate domain = SearchTerms.domainMatch(f.q(), "s.domain");
			String lower = f.q().toLowerCase(Locale.ROOT);
			String pattern = lower.strip().length() < 3 ? SqlLike.startsWith(lower) : SqlLike.contains(lower);
			if (domain != null) {
				sql.append(" AND (").append(domain.sql()).append(" OR s.panel_username LIKE ?" + SqlLike.ESCAPE + ")");
				args.addAll(domain.args());
			}
			else {
				sql.append(" AND s.panel_username LIKE ?" + SqlLike.ESCAPE);
			}
			args.add(pattern);
		}
		if (beforeId != null) {
			sql.append(" AND s.id < ?");
			args.add(beforeId);
		}
		return new Where(sql.toString(), args);
	}

	private static ServiceRow row(ResultSet rs, int n) throws SQLException {
		return new ServiceRow(ServiceStore.service(rs, n), rs.getString("customer_name"),
				rs.getString("customer_email"), rs.getString("plan_name"), rs.getLong("price_minor"),
				rs.getString("currency"), rs.getString("billing_period"));
	}

}
