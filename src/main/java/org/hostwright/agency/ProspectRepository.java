package org.hostwright.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hostwright.platform.SqlLike;
import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProspectRepository {

	private final JdbcClient jdbc;

	ProspectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Prospect p, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO prospects (source, domain, business_name, contact_name, contact_email, contact_phone, notes,
						score, score_reasons, status, created_at, updated_at)
						VALUES (:source, :domain, :name, :cname, :email, :phone, :notes, :score, :reasons, :status, :now, :now)""")
			.param("source", p.source())
			.param("domain", p.domain())
			.param("name", p.businessName())
			.param("cname", p.contactName())
			.param("email", p.contactEmail())
			.param("phone", p.contactPhone())
			.param("notes", p.notes())
			.param("score", p.score())
			.param("reasons", String.join("\n", p.scoreReasons()))
			.param("status", p.status().wire())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(Prospect p, Instant now) {
		jdbc.sql(
				"""
						UPDATE prospects SET domain = :domain, business_name = :name, contact_name = :cname, contact_email = :email,
						contact_phone = :phone, notes = :notes, score = :score, score_reasons = :reasons, status = :status,
						updated_at = :now WHERE id = :id""")
			.param("domain", p.domain())
			.param("name", p.businessName())
			.param("cname", p.contactName())
			.param("email", p.contactEmail())
			.param("phone", p.contactPhone())
			.param("notes", p.notes())
			.param("score", p.score())
			.param("reasons", String.join("\n", p.scoreReasons()))
			.param("status", p.status().wire())
			.param("now", Timestamp.from(now))
			.param("id", p.id())
			.update();
	}

	void setStatus(long id, ProspectStatus status, Instant now) {
		jdbc.sql("UPDATE prospects SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.wire(), Timestamp.from(now), id)
			.update();
	}

	Optional<Prospect> find(long id) {
		return jdbc.sql("SELECT * FROM prospects WHERE id = ?").param(id).query(ProspectRepository::map).optional();
	}

	boolean domainTaken(String domain, long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM prospects WHERE domain = ? AND id <> ?")
			.params(domain, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM prospects WHERE id = ?").param(id).update();
	}

	record Page(List<Prospect> items, long total) {
	}

	Page search(ProspectStatus status, String q, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (status != null) {
			where.append(" AND status = ?");
			args.add(status.wire());
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(business_name) LIKE ?" + SqlLike.ESCAPE + " OR domain LIKE ?" + SqlLike.ESCAPE
					+ " OR LOWER(contact_name) LIKE ?" + SqlLike.ESCAPE + " OR LOWER(contact_email) LIKE ?"
					+ SqlLike.ESCAPE + ")");
			String like = SqlLike.contains(q.toLowerCase(Locale.ROOT));
			for (int i = 0; i < 4; i++) {
				args.add(like);
			}
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM prospects" + where).params(args).query(Long.class).single();
		List<Prospect> items = jdbc
			.sql("SELECT * FROM prospects" + where + " ORDER BY id DESC LIMIT " + size + " OFFSET "
					+ (long) (page - 1) * size)
			.params(args)
			.query(ProspectRepository::map)
			.list();
		return new Page(items, total);
	}

	private static Prospect map(ResultSet rs, int n) throws SQLException {
		String reasons = rs.getString("score_reasons");
		return new Prospect(rs.getLong("id"), rs.getString("source"), rs.getString("domain"),
				rs.getString("business_name"), rs.getString("contact_name"), rs.getString("contact_email"),
				rs.getString("contact_phone"), rs.getString("notes"), rs.getInt("score"),
				reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.split("\n")),
				States.fromColumn(ProspectStatus.class, rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
