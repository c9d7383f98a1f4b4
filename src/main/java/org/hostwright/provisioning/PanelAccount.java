package org.hostwright.provisioning;

/** An account as the panel reports it. */
public record PanelAccount(String username, String domain, String email, String panelPackage, boolean suspended) {

	/**
	 * Whether this account is the one we created for that domain and e-mail (not someone
	 * else's).
	 */
	public boolean belongsTo(String expectedDomain, String expectedEmail) {
		boolean sameDomain = expectedDomain != null && expectedDomain.equalsIgnoreCase(domain);
		boolean sameEmail = expectedEmail != null && expectedEmail.equalsIgnoreCase(email);
		return expectedDomain == null || expectedDomain.isBlank() ? sameEmail
				: sameDomain && (email == null || email.isBlank() || sameEmail);
	}

}
