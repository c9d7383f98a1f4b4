package org.hostwright.accounts;

/** What a user may do: customers see only their own objects; admins run the business. */
public enum Role {

	CUSTOMER, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
