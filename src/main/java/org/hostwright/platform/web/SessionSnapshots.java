package org.hostwright.platform.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.stereotype.Repository;

/**
 * Session attributes as this node last read them, deserialised, with the version of the
 * stored session they came from. A signed-in page view read its whole session (a
 * transaction, a join on the attributes, Java deserialisation of the security context) on
 * every request: a third of its CPU. Now it reads the session's one row by its id, in one
 * auto-committed statement, and uses the attributes kept here while the row's
 * {@code ATTRIBUTES_VERSION} is the one they were read at.
 * <p>
 * Every save that changes a session moves its version after the save ({@link #changed});
 * the other nodes then see a new version and read the attributes again. A node that
 * stopped between a save and the version's move leaves other nodes with the attributes
 * before that save until their copy is {@link #KEPT_FOR} old. Values are shared by the
 * requests of one session on one node, as in a servlet container's in-memory session.
 */
@Repository
class SessionSnapshots {

	/** How long a copy is used at most, whatever the version says. */
	static final Duration KEPT_FOR = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Cache<String, Snapshot> kept = CacheBuilder.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(KEPT_FOR)
		.build();

	SessionSnapshots(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The stored session's row, without its attributes; empty when there is none. */
	Optional<Row> row(String sessionId) {
		return this.jdbc.sql("""
				SELECT CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, ATTRIBUTES_VERSION
				FROM SPRING_SESSION WHERE SESSION_ID = ?""")
			.param(sessionId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)))
			.optional();
	}

	/** The attributes kept for this session at the row's version, if any. */
	Optional<Map<String, Object>> attributes(String sessionId, Row row) {
		Snapshot snapshot = this.kept.getIfPresent(sessionId);
		return snapshot != null && snapshot.version() == row.version() ? Optional.of(snapshot.attributes())
				: Optional.empty();
	}

	/**
	 * Keeps a session's attributes, all deserialised now, as read at the row's version
	 * (read before them: a save between the two moves the version again, so a copy is
	 * never newer than its version says, at worst older and read again).
	 */
	void keep(Session session, Row row) {
		Map<String, Object> attributes = new HashMap<>();
		for (String name : session.getAttributeNames()) {
			attributes.put(name, session.getAttribute(name));
		}
		this.kept.put(session.getId(), new Snapshot(row.version(), Map.copyOf(attributes)));
	}

	/** After a save that changed the session: other nodes must read it again. */
	void changed(String sessionId) {
		this.kept.invalidate(sessionId);
		this.jdbc.sql("UPDATE SPRING_SESSION SET ATTRIBUTES_VERSION = ATTRIBUTES_VERSION + 1 WHERE SESSION_ID = ?")
			.param(sessionId)
			.update();
	}

	void forget(String sessionId) {
		this.kept.invalidate(sessionId);
	}

	/** The columns of a stored session a request needs besides its attributes. */
	record Row(long creationTime, long lastAccessTime, int maxInactiveSeconds, long version) {
	}

	private record Snapshot(long version, Map<String, Object> attributes) {
	}

}
