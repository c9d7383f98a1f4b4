package org.hostwright.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hostwright.platform.SqlLike;
import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class HostedSiteRepository {

	private static final String SELECT = "SELECT h.* FROM hosted_sites h";

	private final JdbcClient jdbc;

	HostedSiteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Contact(String businessName, String contactName, String contactEmail, String contactPhone,
			String internalNotes) {
	}

	long insert(long storeId, String subdomain, Long prospectId, Contact c, String previewToken, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO hosted_sites (store_id, subdomain, prospect_id, status, business_name, contact_name, contact_email,
						contact_phone, internal_notes, preview_token, created_at, updated_at)
						VALUES (:store, :sub, :prospect, :status, :name, :cname, :email, :phone, :notes, :token, :now, :now)""")
			.param("status", SiteStatus.DRAFT.wire())
			.param("token", previewToken)
			.param("store", storeId)
			.param("sub", subdomain)
			.param("prospect", prospectId)
			.param("name", c.businessName())
			.param("cname", c.contactName())
			.param("email", c.contactEmail())
			.param("phone", c.contactPhone())
			.param("notes", c.internalNotes())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<HostedSite> find(long id) {
		return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(HostedSiteRepository::map).optional();
	}

	/**
	 * Reads the row for a change, locked so two admins cannot move the same site at once.
	 */
	Optional<HostedSite> lock(long id) {
		jdbc.sql("SELECT id FROM hosted_sites WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
		return find(id);
	}

	Optional<HostedSite> findByPreviewToken(String token) {
		return jdbc.sql(SELECT + " WHERE h.preview_token = ?").param(token).query(HostedSiteRepository::map).optional();
	}

	/** The client's sites (those accepted for this customer account), oldest first. */
	List<HostedSite> ofMerchant(long merchantId) {
		return jdbc.sql(SELECT + " WHERE h.merchant_id = ? ORDER BY h.id")
			.param(merchantId)
			.query(HostedSiteRepository::map)
			.list();
	}

	boolean anyOfMerchant(long merchantId) {
		return jdbc.sql("SELECT COUNT(*) FROM hosted_sites WHERE merchant_id = ?")
			.param(merchantId)
			.query(Long.class)
			.single() > 0;
	}

	List<Long> withoutPreviewToken() {
		return jdbc.sql("SELECT id FROM hosted_sites WHERE preview_token IS NULL").query(Long.class).list();
	}

	void setPreviewToken(long id, String token) {
		jdbc.sql("UPDATE hosted_sites SET preview_token = ? WHERE id = ? AND preview_token IS NULL")
			.params(token, id)
			.update();
	}

	Optional<HostedSite> findByStore(long storeId) {
		return jdbc.sql(SELECT + " WHERE h.store_id = ?").param(storeId).query(HostedSiteRepository::map).optional();
	}

	boolean openSiteForProspect(long prospectId) {
		return jdbc.sql("SELECT COUNT(*) FROM hosted_sites WHERE prospect_id = ? AND status <> ?")
			.params(prospectId, SiteStatus.CANCELLED.wire())
			.query(Long.class)
			.single() > 0;
	}

	boolean liveDomainTaken(String domain, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM hosted_sites WHERE live_domain = ? AND id <> ?")
			.params(domain, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void updateContact(long id, Contact c, String proposalNotes, Instant now) {
		jdbc.sql(
				"""
						UPDATE hosted_sites SET business_name = :name, contact_name = :cname, contact_email = :email,
						contact_phone = :phone, internal_notes = :notes, proposal_notes = :pnotes, updated_at = :now WHERE id = :id""")
			.param("name", c.businessName())
			.param("cname", c.contactName())
			.param("email", c.contactEmail())
			.param("phone", c.contactPhone())
			.param("notes", c.internalNotes())
			.param("pnotes", proposalNotes)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Moves the status alone (mark POC ready, suspend, reactivate); the machine refuses
	 * an illegal move.
	 */
	void move(HostedSite site, SiteStatus to, Instant now) {
		jdbc.sql("UPDATE hosted_sites SET status = ?, updated_at = ? WHERE id = ?")
			.params(site.status().checkMoveTo(to).wire(), Timestamp.from(now), site.id())
			.update();
	}

	void markProposalSent(HostedSite site, String proposalNotes, Instant now) {
		jdbc.sql(
				"UPDATE hosted_sites SET status = ?, proposal_sent_at = ?, proposal_notes = ?, updated_at = ? WHERE id = ?")
			.params(site.status().checkMoveTo(SiteStatus.PROPOSAL_SENT).wire(), Timestamp.from(now), proposalNotes,
					Timestamp.from(now), site.id())
			.update();
	}

	void markAccepted(HostedSite site, long merchantId, Instant now) {
		jdbc.sql(
				"UPDATE hosted_sites SET status = ?, proposal_accepted_at = ?, merchant_id = ?, updated_at = ? WHERE id = ?")
			.params(site.status().checkMoveTo(SiteStatus.ACCEPTED).wire(), Timestamp.from(now), merchantId,
					Timestamp.from(now), site.id())
			.update();
	}

	void markLive(HostedSite site, String liveDomain, Instant now) {
		jdbc.sql("UPDATE hosted_sites SET status = ?, live_domain = ?, went_live_at = ?, updated_at = ? WHERE id = ?")
			.params(site.status().checkMoveTo(SiteStatus.LIVE).wire(), liveDomain, Timestamp.from(now),
					Timestamp.from(now), site.id())
			.update();
	}

	/** Cancelled releases the live domain for other sites. */
	void markCancelled(HostedSite site, Instant now) {
		jdbc.sql("UPDATE hosted_sites SET status = ?, live_domain = NULL, updated_at = ? WHERE id = ?")
			.params(site.status().checkMoveTo(SiteStatus.CANCELLED).wire(), Timestamp.from(now), site.id())
			.update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM hosted_sites WHERE id = ?").param(id).update();
	}

	record Page(List<HostedSite> items, long total) {
	}

	Page search(SiteStatus status, String q, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (status != null) {
			where.append(" AND h.status = ?");
			args.add(status.wire());
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(h.business_name) LIKE ?" + SqlLike.ESCAPE + " OR LOWER(h.contact_name) LIKE ?"
					+ SqlLike.ESCAPE + " OR LOWER(h.contact_email) LIKE ?" + SqlLike.ESCAPE
					+ " OR LOWER(h.live_domain) LIKE ?" + SqlLike.ESCAPE + " OR h.subdomain LIKE ?" + SqlLike.ESCAPE
					+ ")");
			String like = SqlLike.contains(q.toLowerCase(Locale.ROOT));
			for (int i = 0; i < 5; i++) {
				args.add(like);
			}
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM hosted_sites h" + where).params(args).query(Long.class).single();
		List<HostedSite> items = jdbc
			.sql(SELECT + where + " ORDER BY h.id DESC LIMIT " + size + " OFFSET " + (long) (page - 1) * size)
			.params(args)
			.query(HostedSiteRepository::map)
			.list();
		return new Page(items, total);
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM hosted_sites").query(Long.class).single();
	}

	static HostedSite map(ResultSet rs, int n) throws SQLException {
		return new HostedSite(rs.getLong("id"), rs.getLong("store_id"), rs.getObject("prospect_id", Long.class),
				rs.getObject("merchant_id", Long.class), States.fromColumn(SiteStatus.class, rs.getString("status")),
				rs.getString("business_name"), rs.getString("contact_name"), rs.getString("contact_email"),
				rs.getString("contact_phone"), instant(rs, "proposal_sent_at"), instant(rs, "proposal_accepted_at"),
				instant(rs, "went_live_at"), rs.getString("proposal_notes"), rs.getString("live_domain"),
				rs.getString("internal_notes"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getString("subdomain"), rs.getString("preview_token"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
