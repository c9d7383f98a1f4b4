package org.hostwright.provisioning;

/**
 * The control-panel sign-in of a service, shown to its owner once or to an admin
 * (audited).
 */
public record ServiceCredentials(String username, String password, String panelUrl) {

	@Override
	public String toString() {
		return "ServiceCredentials[username=" + username + ", panelUrl=" + panelUrl + "]";
	}

}
