package org.hostwright.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log newest first with keyset pagination (an id cursor), so the page
 * stays fast however long the log grows.
 */
@Repository
class AuditQueries {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Filter(String actor, String action, String objectType, String objectId, Long before) {
	}

	record Page(List<AuditEntry> entries, Long nextBefore) {
	}

	Page find(Filter f, int size) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (!blank(f.actor())) {
			if (f.actor().matches("[0-9]{1,18}")) {
				sql.append(" AND actor_id = ?");
				args.add(Long.parseLong(f.actor()));
			}
			else {
				sql.append(" AND actor_email = ?");
				args.add(f.actor().trim().toLowerCase(Locale.ROOT));
			}
		}
		if (!blank(f.action())) {
			sql.append(" AND action = ?");
			args.add(f.action().trim());
		}
		if (!blank(f.objectType())) {
			sql.append(" AND object_type = ?");
			args.add(f.objectType().trim());
		}
		if (!blank(f.objectId())) {
			sql.append(" AND object_id = ?");
			args.add(f.objectId().trim());
		}
		if (f.before() != null) {
			sql.append(" AND id < ?");
			args.add(f.before());
		}
		sql.append(" ORDER BY id DESC LIMIT ").append(size + 1);
		List<AuditEntry> rows = jdbc.sql(sql.toString())
			.params(args)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					(Long) rs.getObject("actor_id", Long.class), rs.getString("actor_email"), rs.getString("action"),
					rs.getString("object_type"), rs.getString("object_id"), rs.getString("details"),
					rs.getString("ip_address")))
			.list();
		Long next = rows.size() > size ? rows.get(size - 1).id() : null;
		return new Page(rows.size() > size ? rows.subList(0, size) : rows, next);
	}

	List<String> actions() {
		return jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
