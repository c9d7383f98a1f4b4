package org.hostwright.provisioning;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads across the {@code services} table: the counts by status. One service's own reads
 * and writes are {@link ServiceStore}'s; the admin search is {@link ServiceDirectory}'s.
 */
@Repository
class ServiceQueries {

	private final JdbcClient jdbc;

	ServiceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
