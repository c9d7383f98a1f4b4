package org.hostwright.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import org.hostwright.platform.CustomPlans;
import org.hostwright.platform.JdbcStreams;
import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.Slice;
import org.hostwright.platform.SqlLike;
import org.hostwright.platform.States;
import org.hostwright.provisioning.ServiceStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads hosting services with their customer and order for the admin console and the
 * dashboards. The services table belongs to provisioning; this is a read model joined in
 * SQL so a page of 25 cards is one query (the facade's per-service reads would be 25 ×
 * 3), and so the search uses the trigram indexes of V6_3.
 */
@Repository
class ServiceDirectory {

	static final String COLUMNS = "s.id, s.domain, s.panel_username, s.status, s.customer_id, u.name AS customer_name, "
			+ "u.email AS customer_email, s.order_id, s.order_uuid, o.plan_name, o.price_minor, o.currency, "
			+ "o.billing_period, s.last_error, s.created_at";

	static final String FROM = " FROM services s JOIN users u ON u.id = s.customer_id JOIN orders o ON o.id = s.order_id";

	private final JdbcClient jdbc;

	private final CustomPlans plans;

	ServiceDirectory(JdbcClient jdbc, CustomPlans plans) {
		this.jdbc = jdbc;
		this.plans = plans;
	}

	record Filter(String status, String q) {

		Filter {
			q = q == null ? "" : q.strip();
			status = States.parse(ServiceStatus.class, status).map(ServiceStatus::wire).orElse("");
		}

	}

	record ServiceRow(long id, String domain, String username, String status, long customerId, String customerName,
			String customerEmail, long orderId, UUID orderUuid, String planName, long priceMinor, String currency,
			String billingPeriod, String lastError, Instant createdAt) {

		public ServiceStatus state() {
			return States.fromColumn(ServiceStatus.class, status);
		}

		public boolean can(String action) {
			ServiceStatus s = state();
			return switch (action) {
				case "suspend" -> s == ServiceStatus.ACTIVE;
				case "activate" -> s == ServiceStatus.SUSPENDED;
				case "reprovision" -> s == ServiceStatus.FAILED || s == ServiceStatus.ACTIVE;
				case "panel", "email" -> s == ServiceStatus.ACTIVE;
				default -> false;
			};
		}

	}

	private record Where(String sql, List<Object> args) {
	}

	/**
	 * A page of services, newest first; the bounded total is counted for the status
	 * filter only.
	 */
	Slice<ServiceRow> list(Filter filter, int page, int size) {
		Where where = where(filter);
		return plans.run(() -> {
			// the page's ids first (index only), then the joins for those rows alone: a
			// deep page does not
			// join the thousands of rows it skips
			List<ServiceRow> rows = jdbc
				.sql("SELECT " + COLUMNS + FROM + " WHERE s.id IN (SELECT id FROM (SELECT s.id FROM services s"
						+ where.sql() + " ORDER BY s.id DESC LIMIT " + (size + 1) + " OFFSET "
						+ Slice.offset(page, size) + ") p) ORDER BY s.id DESC")
				.params(where.args())
				.query(ServiceDirectory::row)
				.list();
			long total = filter.q().isEmpty() ? jdbc
				.sql("SELECT COUNT(*) FROM (SELECT 1 FROM services s" + where.sql() + " LIMIT " + (Slice.COUNT_CAP + 1)
						+ ") t")
				.params(where.args())
				.query(Long.class)
				.single() : Slice.UNKNOWN;
			return Slice.of(rows, page, size, total);
		});
	}

	List<ServiceRow> recent(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " ORDER BY s.id DESC LIMIT " + limit)
			.query(ServiceDirectory::row)
			.list();
	}

	/** The customer's services, active first, then newest. */
	List<ServiceRow> ofCustomer(long customerId) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.customer_id = ?"
				+ " ORDER BY CASE WHEN s.status = ? THEN 0 WHEN s.status IN (?, ?) THEN 1 ELSE 2 END, s.id DESC LIMIT 200")
			.params(customerId, ServiceStatus.ACTIVE.wire(), ServiceStatus.PROVISIONING.wire(),
					ServiceStatus.REQUESTED.wire())
			.query(ServiceDirectory::row)
			.list();
	}

	List<ServiceRow> ofOrder(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE s.order_id = ?")
			.param(orderId)
			.query(ServiceDirectory::row)
			.list();
	}

	void forEach(Filter filter, JdbcStreams streams, Consumer<ServiceRow> each) {
		Where where = where(filter);
		streams.stream("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY s.id", where.args(),
				rs -> each.accept(row(rs, 0)));
	}

	private static Where where(Filter f) {
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
		return new Where(sql.toString(), args);
	}

	static ServiceRow row(ResultSet rs, int n) throws SQLException {
		return new ServiceRow(rs.getLong("id"), rs.getString("domain"), rs.getString("panel_username"),
				rs.getString("status"), rs.getLong("customer_id"), rs.getString("customer_name"),
				rs.getString("customer_email"), rs.getLong("order_id"), rs.getObject("order_uuid", UUID.class),
				rs.getString("plan_name"), rs.getLong("price_minor"), rs.getString("currency"),
				rs.getString("billing_period"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant());
	}

}
