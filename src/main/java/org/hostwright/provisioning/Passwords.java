package org.hostwright.provisioning;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Strong panel passwords: 16 characters with upper, lower, digit and symbol, from SecureRandom. */
final class Passwords {

	static final int LENGTH = 16;

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	// symbols that survive form encoding and shells without quoting surprises
	private static final String SYMBOLS = "!#%+-=?@^_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	static String generate() {
		List<Character> chars = new ArrayList<>();
		chars.add(pick(UPPER));
		chars.add(pick(LOWER));
		chars.add(pick(DIGITS));
		chars.add(pick(SYMBOLS));
		String all = UPPER + LOWER + DIGITS + SYMBOLS;
		while (chars.size() < LENGTH) {
			chars.add(pick(all));
		}
		Collections.shuffle(chars, RANDOM);
		StringBuilder sb = new StringBuilder();
		chars.forEach(sb::append);
		return sb.toString();
	}

	private static char pick(String from) {
		return from.charAt(RANDOM.nextInt(from.length()));
	}

}
