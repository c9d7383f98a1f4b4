package org.hostwright.accounts;

/** Events the accounts module publishes. */
public final class AccountEvents {

	private AccountEvents() {
	}

	/** A customer account was created (by sign-up, checkout, the API or an admin). */
	public record AccountRegistered(long accountId, String email) {
	}

	/** An account was deleted (its personal data erased). */
	public record AccountDeleted(long accountId) {
	}

}
