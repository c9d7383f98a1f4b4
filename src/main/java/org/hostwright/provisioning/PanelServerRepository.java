package org.hostwright.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code panel_servers} table; the secret column holds the vault's sealed text, never
 * the secret itself.
 */
@Repository
class PanelServerRepository {

	private static final String COLUMNS = "id, name, type, admin_url, enduser_url, auth_type, api_user, active, created_at";

	private final JdbcClient jdbc;

	PanelServerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A server's validated settings as written. */
	record Columns(String name, String adminUrl, String enduserUrl, String authType, String apiUser) {
	}

	List<PanelServer> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM panel_servers ORDER BY id")
			.query(PanelServerRepository::server)
			.list();
	}

	Optional<PanelServer> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM panel_servers WHERE id = ?")
			.param(id)
			.query(PanelServerRepository::server)
			.optional();
	}

	/** The oldest active server. */
	Optional<PanelServer> firstActive() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM panel_servers WHERE active = TRUE ORDER BY id LIMIT 1")
			.query(PanelServerRepository::server)
			.optional();
	}

	boolean any() {
		return jdbc.sql("SELECT COUNT(*) FROM panel_servers").query(Long.class).single() > 0;
	}

	/**
	 * An active Webuzo server without its secret yet (sealing it needs the id).
	 * @return the new server's id
	 */
	long insert(Columns c, Instant at) {
		Timestamp now = Timestamp.from(at);
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO panel_servers (name, type, admin_url, enduser_url, auth_type, api_user, secret_enc, active, created_at, updated_at)
						VALUES (?, 'WEBUZO', ?, ?, ?, ?, '', TRUE, ?, ?)""")
			.params(c.name(), c.adminUrl(), c.enduserUrl(), c.authType(), c.apiUser(), now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, Columns c, Instant at) {
		jdbc.sql(
				"UPDATE panel_servers SET name = ?, admin_url = ?, enduser_url = ?, auth_type = ?, api_user = ?, updated_at = ? WHERE id = ?")
			.params(c.name(), c.adminUrl(), c.enduserUrl(), c.authType(), c.apiUser(), Timestamp.from(at), id)
			.update();
	}

	void setActive(long id, boolean active, Instant at) {
		jdbc.sql("UPDATE panel_servers SET active = ?, updated_at = ? WHERE id = ?")
			.params(active, Timestamp.from(at), id)
			.update();
	}

	String sealedSecret(long id) {
		return jdbc.sql("SELECT secret_enc FROM panel_servers WHERE id = ?").param(id).query(String.class).single();
	}

	void storeSealedSecret(long id, String sealed) {
		jdbc.sql("UPDATE panel_servers SET secret_enc = ? WHERE id = ?").params(sealed, id).update();
	}

	static PanelServer server(ResultSet rs, int row) throws SQLException {
		return new PanelServer(rs.getLong("id"), rs.getString("name"), rs.getString("type"), rs.getString("admin_url"),
				rs.getString("enduser_url"), rs.getString("auth_type"), rs.getString("api_user"),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
	}

}
