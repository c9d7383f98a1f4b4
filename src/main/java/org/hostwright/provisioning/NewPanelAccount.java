package org.hostwright.provisioning;

/** The account to create on a panel. {@link #toString()} never shows the password. */
public record NewPanelAccount(String username, String password, String domain, String email, String panelPackage) {

	@Override
	public String toString() {
		return "NewPanelAccount[username=" + username + ", domain=" + domain + ", email=" + email + ", package="
				+ panelPackage + "]";
	}

}
