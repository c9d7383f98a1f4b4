package org.hostwright.agency;

import org.hostwright.platform.Sums;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hostwright.agency.ServiceKinds.Period;
import org.hostwright.agency.ServiceKinds.Status;
import org.hostwright.agency.ServiceKinds.Type;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agency dashboard's figures, each one aggregate query. Monthly revenue counts active
 * services: monthly at their price, annual at a twelfth, one-time not at all; per
 * currency, never summed across.
 */
@Repository
class AgencyStats {

	static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final ClientServiceRepository services;

	private final Clock clock;

	AgencyStats(JdbcClient jdbc, ClientServiceRepository services, Clock clock) {
		this.jdbc = jdbc;
		this.services = services;
		this.clock = clock;
	}

	record Renewal(long siteId, String businessName, long serviceId, String serviceName, String serviceType,
			Instant expiresAt, boolean autoRenew, long priceCents, String currency) {
	}

	record Dashboard(long totalSites, long liveSites, long pocSites, Map<String, Long> sitesByStatus,
			long activeServices, Map<String, Long> monthlyRevenueCents, List<Renewal> upcomingRenewals,
			Map<String, Long> servicesByType) {
	}

	Dashboard dashboard() {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (SiteStatus s : SiteStatus.values()) {
			byStatus.put(s.wire(), 0L);
		}
		jdbc.sql("SELECT status, COUNT(*) AS n FROM hosted_sites GROUP BY status")
			.query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("n")))
			.list();
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		long poc = byStatus.get(SiteStatus.POC_READY.wire()) + byStatus.get(SiteStatus.PROPOSAL_SENT.wire());

		Map<String, Long> byType = new LinkedHashMap<>();
		for (Type t : Type.values()) {
			byType.put(ServiceKinds.wire(t), 0L);
		}
		jdbc.sql("SELECT service_type, COUNT(*) AS n FROM client_services WHERE status = ? GROUP BY service_type")
			.param(Status.ACTIVE.wire())
			.query((rs, n) -> byType.put(rs.getString("service_type"), rs.getLong("n")))
			.list();
		long active = byType.values().stream().mapToLong(Long::longValue).sum();

		Map<String, Long> revenue = new TreeMap<>();
		jdbc.sql("""
				SELECT currency, billing_period, SUM(price_cents) AS total FROM client_services
				WHERE status = ? AND billing_period IN (?, ?) GROUP BY currency, billing_period""")
			.params(Status.ACTIVE.wire(), ServiceKinds.wire(Period.MONTHLY), ServiceKinds.wire(Period.ANNUAL))
			.query((rs, n) -> {
				long sum = Sums.column(rs, "total");
				long monthly = "annual".equals(rs.getString("billing_period")) ? Math.round(sum / 12.0) : sum;
				return revenue.merge(rs.getString("currency"), monthly, Sums::add);
			})
			.list();

		Instant now = Instant.now(clock);
		List<Renewal> renewals = services.expiringBetween(now, now.plus(RENEWAL_WINDOW))
			.stream()
			.map(r -> new Renewal(r.service().hostedSiteId(), r.businessName(), r.service().id(), r.service().name(),
					ServiceKinds.wire(r.service().serviceType()), r.service().expiresAt(), r.service().autoRenew(),
					r.service().priceCents(), r.service().currency()))
			.toList();
		return new Dashboard(total, byStatus.get("live"), poc, byStatus, active, revenue, renewals, byType);
	}

}
