package org.hostwright.provisioning;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.SecretVault;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Panel servers managed by admins. Credentials are encrypted with the {@link SecretVault}
 * under the context {@code panel-server:<id>}; new services go to the oldest active
 * server.
 */
@Service
public class PanelServers {

	private final PanelServerRepository servers;

	private final SecretVault vault;

	private final AuditLog audit;

	private final Clock clock;

	PanelServers(PanelServerRepository servers, SecretVault vault, AuditLog audit, Clock clock) {
		this.servers = servers;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	public List<PanelServer> all() {
		return servers.all();
	}

	public Optional<PanelServer> find(long id) {
		return servers.find(id);
	}

	public PanelServer require(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("panel server"));
	}

	/** The server new accounts go to. */
	Optional<PanelServer> defaultServer() {
		return servers.firstActive();
	}

	boolean any() {
		return servers.any();
	}

	@Transactional
	public PanelServer create(PanelServerForm form) {
		PanelServerRepository.Columns v = validate(form, true);
		long id = servers.insert(v, Instant.now(clock));
		storeSecret(id, form.secret());
		audit.record("panel-server.created", "panel_server", id, v.name() + " " + v.adminUrl());
		return require(id);
	}

	@Transactional
	public PanelServer update(long id, PanelServerForm form) {
		require(id);
		PanelServerRepository.Columns v = validate(form, false);
		servers.update(id, v, Instant.now(clock));
		if (form.secret() != null && !form.secret().isBlank()) {
			storeSecret(id, form.secret());
		}
		audit.record("panel-server.updated", "panel_server", id, v.name() + " " + v.adminUrl()
				+ (form.secret() != null && !form.secret().isBlank() ? " (new secret)" : ""));
		return require(id);
	}

	@Transactional
	public void setActive(long id, boolean active) {
		require(id);
		servers.setActive(id, active, Instant.now(clock));
		audit.record(active ? "panel-server.activated" : "panel-server.deactivated", "panel_server", id, null);
	}

	/** Inserts a server without an actor (the configuration seed at start-up). */
	@Transactional
	long seed(String name, String adminUrl, String enduserUrl, boolean basic, String apiUser, String secret) {
		long id = servers.insert(
				new PanelServerRepository.Columns(name, adminUrl, enduserUrl, basic ? "BASIC" : "KEY", apiUser),
				Instant.now(clock));
		storeSecret(id, secret);
		return id;
	}

	/** The decrypted secret, for the panel client only. */
	String secret(long id) {
		String sealed = servers.sealedSecret(id);
		return sealed == null || sealed.isEmpty() ? "" : vault.decrypt(sealed, "panel-server:" + id);
	}

	private void storeSecret(long id, String secret) {
		String sealed = secret == null || secret.isBlank() ? "" : vault.encrypt(secret, "panel-server:" + id);
		servers.storeSealedSecret(id, sealed);
	}

	/** Every field checked, every problem reported at once (the form shows them all). */
	private static PanelServerRepository.Columns validate(PanelServerForm form, boolean creating) {
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
		return new PanelServerRepository.Columns(name, admin, enduser, auth, user);
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

}
