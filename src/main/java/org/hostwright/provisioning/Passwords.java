package org.hostwright.provisioning;

import org.hostwright.platform.RandomSecrets;

/**
 * Strong panel passwords: 16 characters with upper, lower, digit and symbol, from
 * platform.RandomSecrets.
 */
final class Passwords {

	static final int LENGTH = 16;

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	// symbols that survive form encoding and shells without quoting surprises
	private static final String SYMBOLS = "!#%+-=?@^_";

	private Passwords() {
	}

	static String generate() {
		return RandomSecrets.password(LENGTH, UPPER, LOWER, DIGITS, SYMBOLS);
	}

}
