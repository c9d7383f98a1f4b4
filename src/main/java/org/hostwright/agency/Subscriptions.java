package org.hostwright.agency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.hostwright.platform.Lifecycle;
import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The client's hosting subscription recorded on acceptance (tier {@code essential}); it
 * follows the site's status. Billing will read it once a billing module exists.
 */
@Repository
class Subscriptions {

	static final String DEFAULT_TIER = "essential";

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Subscription(long id, long hostedSiteId, long customerId, String tier, Status status, Instant startedAt) {
	}

	/**
	 * The subscription follows its site: active ⇄ suspended, and cancelled (final) with
	 * it.
	 */
	enum Status implements Lifecycle<Status> {

		ACTIVE, SUSPENDED, CANCELLED;

		@Override
		public Set<Status> targets() {
			return switch (this) {
				case ACTIVE -> EnumSet.of(SUSPENDED, CANCELLED);
				case SUSPENDED -> EnumSet.of(ACTIVE, CANCELLED);
				case CANCELLED -> EnumSet.noneOf(Status.class);
			};
		}

	}

	void start(long siteId, long customerId, Instant now) {
		jdbc.sql("""
				INSERT INTO agency_subscriptions (hosted_site_id, customer_id, tier, status, started_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(siteId, customerId, DEFAULT_TIER, Status.ACTIVE.wire(), Timestamp.from(now))
			.update();
	}

	/**
	 * Moves the site's subscription, when it has one (a site is subscribed from its
	 * acceptance on).
	 */
	void setStatus(long siteId, Status target) {
		forSite(siteId).filter(s -> s.status() != target)
			.ifPresent(s -> jdbc.sql("UPDATE agency_subscriptions SET status = ? WHERE id = ?")
				.params(s.status().checkMoveTo(target).wire(), s.id())
				.update());
	}

	Optional<Subscription> forSite(long siteId) {
		return jdbc.sql("SELECT * FROM agency_subscriptions WHERE hosted_site_id = ?")
			.param(siteId)
			.query((rs, n) -> new Subscription(rs.getLong("id"), rs.getLong("hosted_site_id"),
					rs.getLong("customer_id"), rs.getString("tier"),
					States.fromColumn(Status.class, rs.getString("status")), rs.getTimestamp("started_at").toInstant()))
			.optional();
	}

}
