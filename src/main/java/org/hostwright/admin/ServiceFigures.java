package org.hostwright.admin;

import java.util.List;

import org.hostwright.admin.DashboardFigures.Amount;
import org.hostwright.catalog.BillingPeriod;
import org.hostwright.platform.Sums;
import org.hostwright.provisioning.ServiceStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Service figures for the admin dashboard: active services and monthly recurring revenue,
 * i.e. every active service's price (as sold on its order) with the billing period
 * converted to a month.
 */
@Repository
class ServiceFigures {

	record Snapshot(long active, List<Amount> mrr, long failed) {
	}

	/**
	 * The months in each billing period, as SQL: built from the enum so a new period is
	 * never missed.
	 */
	static final String MONTHS = "CASE o.billing_period " + java.util.Arrays.stream(BillingPeriod.values())
		.map(p -> "WHEN '" + p.name() + "' THEN " + p.months())
		.collect(java.util.stream.Collectors.joining(" ")) + " ELSE 1 END";

	private final JdbcClient jdbc;

	ServiceFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Snapshot snapshot() {
		String activeStatus = ServiceStatus.ACTIVE.wire();
		long active = jdbc.sql("SELECT COUNT(*) FROM services WHERE status = ?")
			.param(activeStatus)
			.query(Long.class)
			.single();
		List<Amount> mrr = jdbc
			.sql("SELECT o.currency, SUM(o.price_minor / " + MONTHS
					+ ") FROM services s JOIN orders o ON o.id = s.order_id"
					+ " WHERE s.status = ? GROUP BY o.currency ORDER BY o.currency")
			.param(activeStatus)
			.query((rs, n) -> new Amount(rs.getString(1), Sums.column(rs, 2)))
			.list();
		long failed = jdbc.sql("SELECT COUNT(*) FROM services WHERE status = ?")
			.param(ServiceStatus.FAILED.wire())
			.query(Long.class)
			.single();
		return new Snapshot(active, mrr, failed);
	}

}
