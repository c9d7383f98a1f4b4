package org.hostwright.provisioning;

/**
 * What an admin enters for a panel server; a blank secret on edit keeps the stored one.
 */
public record PanelServerForm(String name, String adminUrl, String enduserUrl, String authType, String apiUser,
		String secret) {

	@Override
	public String toString() {
		return "PanelServerForm[name=" + name + ", adminUrl=" + adminUrl + "]";
	}

}
