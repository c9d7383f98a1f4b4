package org.hostwright.provisioning;

import java.time.Instant;

/**
 * A control-panel server that accounts are created on. Its secret is stored encrypted and
 * is never part of this view. A URL {@code sandbox:webuzo} means the sandbox simulator,
 * wherever it listens.
 */
public record PanelServer(long id, String name, String type, String adminUrl, String enduserUrl, String authType,
		String apiUser, boolean active, Instant createdAt) {

	public boolean basicAuth() {
		return "BASIC".equals(authType);
	}

}
