package org.hostwright.provisioning;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.SecretVault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Panel servers managed by admins. Credentials are encrypted with the {@link SecretVault}
 * under the context {@code panel-server:<id>}; new services go to the oldest active
 * server.
 */
@Service
public class PanelServers {

	static final String COLUMNS = "id, name, type, admin_url, enduser_url, auth_type, api_user, active, created_at";

	private final JdbcClient jdbc;

	private final SecretVault vault;

	private final AuditLog audit;

	private final Clock clock;

	PanelServers(JdbcClient jdbc, SecretVault vault, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	public List<PanelServer> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM panel_servers ORDER BY id").query(PanelServers::server).list();
	}

	public Optional<PanelServer> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM panel_servers WHERE id = ?")
			.param(id)
			.query(PanelServers::server)
			.optional();
	}

	public PanelServer require(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("panel server"));
	}

	/** The server new accounts go to. */
	Optional<PanelServer> defaultServer() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM panel_servers WHERE active = TRUE ORDER BY id LIMIT 1")
			.query(PanelServers::server)
			.optional();
	}

	boolean any() {
		return jdbc.sql("SELECT COUNT(*) FROM panel_servers").query(Long.class).single() > 0;
	}

	@Transactional
	public PanelServer create(PanelServerForm form) {
		Valid v = validate(form, true);
		Timestamp now = Timestamp.from(Instant.now(clock));
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO panel_servers (name, type, admin_url, enduser_url, auth_type, api_user, secret_enc, active, created_at, updated_at)
						VALUES (?, 'WEBUZO', ?, ?, ?, ?, '', TRUE, ?, ?)""")
			.params(v.name, v.adminUrl, v.enduserUrl, v.authType, v.apiUser, now, now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		storeSecret(id, form.secret());
		audit.record("panel-server.created", "panel_server", id, v.name + " " + v.adminUrl);
		return require(id);
	}

	@Transactional
	public PanelServer update(long id, PanelServerForm form) {
		require(id);
		Valid v = validate(form, false);
		jdbc.sql(
				"UPDATE panel_servers SET name = ?, admin_url = ?, enduser_url = ?, auth_type = ?, api_user = ?, updated_at = ? WHERE id = ?")
			.params(v.name, v.adminUrl, v.enduserUrl, v.authType, v.apiUser, Timestamp.from(Instant.now(clock)), id)
			.update();
		if (form.secret() != null && !form.secret().isBlank()) {
			storeSecret(id, form.secret());
		}
		audit.record("panel-server.updated", "panel_server", id,
				v.name + " " + v.adminUrl + (form.secret() != null && !form.secret().isBlank() ? " (new secret)" : ""));
		return require(id);
	}

	@Transactional
	public void setActive(long id, boolean active) {
		require(id);
		jdbc.sql("UPDATE panel_servers SET active = ?, updated_at = ? WHERE id = ?")
			.params(active, Timestamp.from(Instant.now(clock)), id)
			.update();
		audit.record(active ? "panel-server.activated" : "panel-server.deactivated", "panel_server", id, null);
	}

	/** Inserts a server without an actor (the configuration seed at start-up). */
	@Transactional
	long seed(String name, String adminUrl, String enduserUrl, boolean basic, String apiUser, String secret) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO panel_servers (name, type, admin_url, enduser_url, auth_type, api_user, secret_enc, active, created_at, updated_at)
						VALUES (?, 'WEBUZO', ?, ?, ?, ?, '', TRUE, ?, ?)""")
			.params(name, adminUrl, enduserUrl, basic ? "BASIC" : "KEY", apiUser, now, now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		storeSecret(id, secret);
		return id;
	}

	/** The decrypted secret, for the panel client only. */
	String secret(long id) {
		String sealed = jdbc.sql("SELECT secret_enc FROM panel_servers WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		return sealed == null || sealed.isEmpty() ? "" : vault.decrypt(sealed, "panel-server:" + id);
	}

	private void storeSecret(long id, String secret) {
		String sealed = secret == null || secret.isBlank() ? "" : vault.encrypt(secret, "panel-server:" + id);
		jdbc.sql("UPDATE panel_servers SET secret_enc = ? WHERE id = ?").params(sealed, id).update();
	}

	private record Valid(String name, String adminUrl, String enduserUrl, String authType, String apiUser) {
	}

	/** Every field checked, every problem reported at once (the form shows them all). */
	private static Valid validate(PanelServerForm form, boolean creating) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		String name = trim(form.name());
		if (name.isEmpty() || name.length() > 120) {
			problems.add(new InvalidInputException.FieldProblem("name", "provisioning.server.name.invalid",
					"Give the server a name (at most 120 characters)."));
		}
		String admin = url("adminUrl", form.adminUrl(), problems);
		String enduser = trim(form.enduserUrl()).isEmpty() ? admin : url("enduserUrl", form.enduserUrl(), problems);
		String auth = "basic".equalsIgnoreCase(trim(form.authType())) ? "BASIC" : "KEY";
		String user = trim(form.apiUser());
		if (user.isEmpty() || user.length() > 120) {
			problems.add(new InvalidInputException.FieldProblem("apiUser", "provisioning.server.user.invalid",
					"Give the API or admin user."));
		}
		if (creating && trim(form.secret()).isEmpty()) {
			problems.add(new InvalidInputException.FieldProblem("secret", "provisioning.server.secret.required",
					"Give the API key or password."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Valid(name, admin, enduser, auth, user);
	}

	private static String url(String field, String value, List<InvalidInputException.FieldProblem> problems) {
		String v = trim(value);
		if (v.equals("sandbox:webuzo")) {
			return v;
		}
		try {
			URI uri = URI.create(v);
			if ((uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")))
					&& uri.getHost() != null && v.length() <= 300) {
				return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		problems.add(new InvalidInputException.FieldProblem(field, "provisioning.server.url.invalid",
				"Give an http(s) URL such as https://panel.example.com:2005."));
		return v;
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}

	static PanelServer server(ResultSet rs, int row) throws SQLException {
		return new PanelServer(rs.getLong("id"), rs.getString("name"), rs.getString("type"), rs.getString("admin_url"),
				rs.getString("enduser_url"), rs.getString("auth_type"), rs.getString("api_user"),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
	}

}
