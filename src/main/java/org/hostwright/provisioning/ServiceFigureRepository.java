package org.hostwright.provisioning;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hostwright.catalog.BillingPeriod;
import org.hostwright.platform.Sums;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link ServiceFigures} in SQL: two counts by status and one sum over active services.
 */
@Repository
class ServiceFigureRepository implements ServiceFigures {

	/**
	 * The months in each billing period, as SQL: built from the enum so a new period is
	 * never missed.
	 */
	static final String MONTHS = "CASE o.billing_period " + Arrays.stream(BillingPeriod.values())
		.map(p -> "WHEN '" + p.name() + "' THEN " + p.months())
		.collect(Collectors.joining(" ")) + " ELSE 1 END";

	private final JdbcClient jdbc;

	ServiceFigureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Snapshot snapshot() {
		String activeStatus = ServiceStatus.ACTIVE.wire();
		long active = jdbc.sql("SELECT COUNT(*) FROM services WHERE status = ?")
			.param(activeStatus)
			.query(Long.class)
			.single();
		SortedMap<String, Long> mrr = new TreeMap<>();
		jdbc.sql("SELECT o.currency, SUM(o.price_minor / " + MONTHS
				+ ") FROM services s JOIN orders o ON o.id = s.order_id"
				+ " WHERE s.status = ? GROUP BY o.currency ORDER BY o.currency")
			.param(activeStatus)
			.query((rs, n) -> Map.entry(rs.getString(1), Sums.column(rs, 2)))
			.list()
			.forEach(e -> mrr.put(e.getKey(), e.getValue()));
		long failed = jdbc.sql("SELECT COUNT(*) FROM services WHERE status = ?")
			.param(ServiceStatus.FAILED.wire())
			.query(Long.class)
			.single();
		return new Snapshot(active, Collections.unmodifiableSortedMap(mrr), failed);
	}

}
