package org.hostwright.accounts;

/** What it takes to create an account; the phone is optional. */
public record NewAccount(String name, String email, String phone, String password, Role role) {

	public static NewAccount customer(String name, String email, String phone, String password) {
		return new NewAccount(name, email, phone, password, Role.CUSTOMER);
	}

}
