package org.hostwright.provisioning;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hostwright.platform.SqlLike;
import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads across the {@code services} table: the admin search and the counts by status. One
 * service's own reads and writes are {@link ServiceStore}'s.
 */
@Repository
class ServiceQueries {

	private final JdbcClient jdbc;

	ServiceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Newest first, keyset-paginated by id: by domain or panel username containing
	 * {@code query}, in {@code status} when given.
	 */
	List<HostingService> search(String query, ServiceStatus status, Long beforeId, int limit) {
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		var spec = jdbc.sql("SELECT " + ServiceStore.COLUMNS + " FROM services WHERE 1=1"
				+ (q.isEmpty() ? ""
						: " AND (LOWER(domain) LIKE :q" + SqlLike.ESCAPE + " OR panel_username LIKE :q" + SqlLike.ESCAPE
								+ ")")
				+ (status == null ? "" : " AND status = :status") + (beforeId == null ? "" : " AND id < :before")
				+ " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 200)));
		if (!q.isEmpty()) {
			spec = spec.param("q", SqlLike.contains(q));
		}
		if (status != null) {
			spec = spec.param("status", status.wire());
		}
		if (beforeId != null) {
			spec = spec.param("before", beforeId);
		}
		return spec.query(ServiceStore::service).list();
	}

	Map<ServiceStatus, Long> countByStatus() {
		return counts(jdbc.sql("SELECT status, COUNT(*) FROM services GROUP BY status"));
	}

	Map<ServiceStatus, Long> countByStatus(long customerId) {
		return counts(jdbc.sql("SELECT status, COUNT(*) FROM services WHERE customer_id = ? GROUP BY status")
			.param(customerId));
	}

	/** The orders the customer's services were opened for. */
	List<Long> orderIdsOf(long customerId) {
		return jdbc.sql("SELECT order_id FROM services WHERE customer_id = ?")
			.param(customerId)
			.query(Long.class)
			.list();
	}

	/** Every status, zero when no service is in it. */
	private static Map<ServiceStatus, Long> counts(JdbcClient.StatementSpec spec) {
		Map<ServiceStatus, Long> counts = new EnumMap<>(ServiceStatus.class);
		for (ServiceStatus s : ServiceStatus.values()) {
			counts.put(s, 0L);
		}
		spec.query((rs, n) -> counts.put(States.fromColumn(ServiceStatus.class, rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

}
