package org.hostwright.agency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The client's hosting subscription recorded on acceptance (tier {@code essential}); it follows the
 * site's status. Billing will read it once a billing module exists.
 */
@Repository
class Subscriptions {

	static final String DEFAULT_TIER = "essential";

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Subscription(long id, long hostedSiteId, long customerId, String tier, String status, Instant startedAt) {
	}

	void start(long siteId, long customerId, Instant now) {
		jdbc.sql("""
				INSERT INTO agency_subscriptions (hosted_site_id, customer_id, tier, status, started_at)
				VALUES (?, ?, ?, 'active', ?)""")
			.params(siteId, customerId, DEFAULT_TIER, Timestamp.from(now))
			.update();
	}

	void setStatus(long siteId, String status) {
		jdbc.sql("UPDATE agency_subscriptions SET status = ? WHERE hosted_site_id = ?").params(status, siteId).update();
	}

	Optional<Subscription> forSite(long siteId) {
		return jdbc.sql("SELECT * FROM agency_subscriptions WHERE hosted_site_id = ?")
			.param(siteId)
			.query((rs, n) -> new Subscription(rs.getLong("id"), rs.getLong("hosted_site_id"), rs.getLong("customer_id"),
					rs.getString("tier"), rs.getString("status"), rs.getTimestamp("started_at").toInstant()))
			.optional();
	}

}
