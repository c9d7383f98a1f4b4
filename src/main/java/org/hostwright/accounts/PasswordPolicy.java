package org.hostwright.accounts;

import java.nio.charset.StandardCharsets;

import org.hostwright.platform.InvalidInputException;

/**
 * At least 12 characters; at most 72 bytes, because bcrypt ignores anything longer and a
 * password that is silently cut is a weaker password than the user thinks.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	static void check(String field, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new InvalidInputException(field, "accounts.password.tooShort",
					"Use at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInputException(field, "accounts.password.tooLong",
					"Use at most 72 bytes (about 64 characters).");
		}
	}

}
