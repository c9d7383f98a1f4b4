package org.hostwright.accounts;

/** A newly created account and the temporary password it must change at first sign-in. */
public record TemporaryCredentials(Account account, String temporaryPassword) {
}
