package org.hostwright.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hostwright.agency.ServiceKinds.Period;
import org.hostwright.agency.ServiceKinds.Status;
import org.hostwright.agency.ServiceKinds.Type;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ClientServiceRepository {

	private final JdbcClient jdbc;

	ClientServiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(ClientService s, Instant now) {
		var keys = new GeneratedKeyHolder();
		bind(jdbc
			.sql("""
					INSERT INTO client_services (hosted_site_id, service_type, name, status, billing_period, price_cents, currency,
					addon_product_id, domain_name, registrar, mailbox_count, expires_at, period_start, period_end, auto_renew,
					notes, created_at, updated_at)
					VALUES (:site, :type, :name, :status, :period, :price, :currency, :addon, :domain, :registrar, :mailboxes,
					:expires, :pstart, :pend, :auto, :notes, :now, :now)"""),
				s, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(ClientService s, Instant now) {
		bind(jdbc
			.sql("""
					UPDATE client_services SET service_type = :type, name = :name, status = :status, billing_period = :period,
					price_cents = :price, currency = :currency, addon_product_id = :addon, domain_name = :domain,
					registrar = :registrar, mailbox_count = :mailboxes, expires_at = :expires, period_start = :pstart,
					period_end = :pend, auto_renew = :auto, notes = :notes, updated_at = :now
					WHERE id = :id AND hosted_site_id = :site"""),
				s, now)
			.param("id", s.id())
			.update();
	}

	private static StatementSpec bind(StatementSpec spec, ClientService s, Instant now) {
		return spec.param("site", s.hostedSiteId())
			.param("type", ServiceKinds.wire(s.serviceType()))
			.param("name", s.name())
			.param("status", s.status().wire())
			.param("period", ServiceKinds.wire(s.billingPeriod()))
			.param("price", s.priceCents())
			.param("currency", s.currency())
			.param("addon", s.addonProductId())
			.param("domain", s.domainName())
			.param("registrar", s.registrar())
			.param("mailboxes", s.mailboxCount())
			.param("expires", ts(s.expiresAt()))
			.param("pstart", ts(s.periodStart()))
			.param("pend", ts(s.periodEnd()))
			.param("auto", s.autoRenew())
			.param("notes", s.notes())
			.param("now", Timestamp.from(now));
	}

	Optional<ClientService> find(long siteId, long id) {
		return jdbc.sql("SELECT * FROM client_services WHERE hosted_site_id = ? AND id = ?")
			.params(siteId, id)
			.query(ClientServiceRepository::map)
			.optional();
	}

	Optional<ClientService> find(long id) {
		return jdbc.sql("SELECT * FROM client_services WHERE id = ?")
			.param(id)
			.query(ClientServiceRepository::map)
			.optional();
	}

	/** The services billing may renew: not one-time, of a site with a client account. */
	List<ClientService> ofClients() {
		return jdbc.sql("""
				SELECT s.* FROM client_services s JOIN agency_subscriptions a ON a.hosted_site_id = s.hosted_site_id
				WHERE s.billing_period <> ? ORDER BY s.id""")
			.param(ServiceKinds.wire(ServiceKinds.Period.ONE_TIME))
			.query(ClientServiceRepository::map)
			.list();
	}

	/**
	 * Starts the next period of a paid renewal, only while the service still ends where
	 * the paid period starts: a second delivery of the payment never extends it twice.
	 */
	boolean extend(ClientService s, Instant end, Instant newEnd, Status status, Instant now) {
		return jdbc.sql("""
				UPDATE client_services SET period_start = ?, period_end = ?, expires_at = ?, status = ?, updated_at = ?
				WHERE id = ? AND (period_end = ? OR (period_end IS NULL AND expires_at = ?))""")
			.params(Timestamp.from(end), Timestamp.from(newEnd), Timestamp.from(newEnd), status.wire(),
					Timestamp.from(now), s.id(), Timestamp.from(end), Timestamp.from(end))
			.update() == 1;
	}

	List<ClientService> forSite(long siteId) {
		return jdbc.sql("SELECT * FROM client_services WHERE hosted_site_id = ? ORDER BY id")
			.param(siteId)
			.query(ClientServiceRepository::map)
			.list();
	}

	void delete(long siteId, long id) {
		jdbc.sql("DELETE FROM client_services WHERE hosted_site_id = ? AND id = ?").params(siteId, id).update();
	}

	/** A service with its site's name, for the cross-site list. */
	record Row(ClientService service, String businessName, String siteStatus) {
	}

	record Page(List<Row> items, long total) {
	}

	Page search(Type type, Status status, Instant expiringBefore, Instant now, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (type != null) {
			where.append(" AND s.service_type = ?");
			args.add(ServiceKinds.wire(type));
		}
		if (status != null) {
			where.append(" AND s.status = ?");
			args.add(status.wire());
		}
		if (expiringBefore != null) {
			where.append(" AND s.expires_at IS NOT NULL AND s.expires_at >= ? AND s.expires_at <= ? AND s.status <> ?");
			args.add(Timestamp.from(now));
			args.add(Timestamp.from(expiringBefore));
			args.add(Status.CANCELLED.wire());
		}
		String from = " FROM client_services s JOIN hosted_sites h ON h.id = s.hosted_site_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(args).query(Long.class).single();
		String order = expiringBefore != null ? " ORDER BY s.expires_at, s.id" : " ORDER BY s.id DESC";
		List<Row> rows = jdbc
			.sql("SELECT s.*, h.business_name AS site_name, h.status AS site_status" + from + where + order + " LIMIT "
					+ size + " OFFSET " + (long) (page - 1) * size)
			.params(args)
			.query((rs, n) -> new Row(map(rs, n), rs.getString("site_name"), rs.getString("site_status")))
			.list();
		return new Page(rows, total);
	}

	/**
	 * Active services whose expiry has passed become {@code expired}; running it twice
	 * changes nothing more.
	 */
	int markExpired(Instant now) {
		return jdbc.sql("UPDATE client_services SET status = ?, updated_at = ? WHERE status = ? AND expires_at < ?")
			.params(Status.ACTIVE.checkMoveTo(Status.EXPIRED).wire(), Timestamp.from(now), Status.ACTIVE.wire(),
					Timestamp.from(now))
			.update();
	}

	List<Row> expiringBetween(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT s.*, h.business_name AS site_name, h.status AS site_status
				FROM client_services s JOIN hosted_sites h ON h.id = s.hosted_site_id
				WHERE s.status IN (?, ?) AND s.expires_at >= ? AND s.expires_at <= ?
				ORDER BY s.expires_at, s.id""")
			.params(Status.ACTIVE.wire(), Status.PENDING.wire(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Row(map(rs, n), rs.getString("site_name"), rs.getString("site_status")))
			.list();
	}

	List<Row> expiredSince(Instant since) {
		return jdbc.sql("""
				SELECT s.*, h.business_name AS site_name, h.status AS site_status
				FROM client_services s JOIN hosted_sites h ON h.id = s.hosted_site_id
				WHERE s.status = ? AND s.expires_at >= ? ORDER BY s.expires_at, s.id""")
			.params(Status.EXPIRED.wire(), Timestamp.from(since))
			.query((rs, n) -> new Row(map(rs, n), rs.getString("site_name"), rs.getString("site_status")))
			.list();
	}

	private static Timestamp ts(Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	static ClientService map(ResultSet rs, int n) throws SQLException {
		return new ClientService(rs.getLong("id"), rs.getLong("hosted_site_id"),
				States.fromColumn(Type.class, rs.getString("service_type")), rs.getString("name"),
				States.fromColumn(Status.class, rs.getString("status")),
				States.fromColumn(Period.class, rs.getString("billing_period")), rs.getLong("price_cents"),
				rs.getString("currency"), rs.getObject("addon_product_id", Long.class), rs.getString("domain_name"),
				rs.getString("registrar"), rs.getObject("mailbox_count", Integer.class),
				HostedSiteRepository.instant(rs, "expires_at"), HostedSiteRepository.instant(rs, "period_start"),
				HostedSiteRepository.instant(rs, "period_end"), rs.getBoolean("auto_renew"), rs.getString("notes"),
				HostedSiteRepository.instant(rs, "created_at"), HostedSiteRepository.instant(rs, "updated_at"));
	}

}
