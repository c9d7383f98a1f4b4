package org.hostwright.audit;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes audit entries (reads are in {@link AuditQueries}). */
@Repository
class AuditStore {

	/** Longer details are cut: the log records what happened, not whole documents. */
	private static final int MAX_DETAILS = 2000;

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuditEntry e) {
		jdbc.sql(
				"""
						INSERT INTO audit_log (occurred_at, actor_id, actor_email, action, object_type, object_id, details, ip_address)
						VALUES (:at, :actorId, :actorEmail, :action, :objectType, :objectId, :details, :ip)""")
			.param("at", Timestamp.from(e.occurredAt()))
			.param("actorId", e.actorId())
			// what a failed sign-in typed can be any length; the trail keeps the first
			// 254 characters
			.param("actorEmail", truncate(e.actorEmail(), 254))
			.param("action", e.action())
			.param("objectType", e.objectType())
			.param("objectId", truncate(e.objectId(), 64))
			.param("details", truncate(e.details(), MAX_DETAILS))
			.param("ip", e.ipAddress())
			.update();
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
