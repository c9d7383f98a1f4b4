package org.hostwright.accounts;

import org.hostwright.platform.ConflictException;

/**
 * The e-mail belongs to another account: sign in instead (409 on the API, inline on
 * forms).
 */
public class EmailTakenException extends ConflictException {

	public EmailTakenException() {
		super("accounts.email.taken", "An account with this e-mail already exists. Sign in instead.");
	}

}
