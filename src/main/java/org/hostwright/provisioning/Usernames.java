package org.hostwright.provisioning;

import java.util.Locale;
import java.util.function.Predicate;

import org.hostwright.platform.RandomSecrets;

/**
 * Panel usernames from the customer's e-mail, in Webuzo's rule: lower-case letters and
 * digits, starting with a letter, at most 8 characters, unique (a free suffix of digits
 * when taken).
 */
final class Usernames {

	static final int MAX = 8;

	/** The shortest random tail of the last tries. */
	private static final int LETTERS_AND_DIGITS = 5;

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

	private Usernames() {
	}

	/** The plain base: {@code "Neema.K+x@…"} → {@code "neemak"}. */
	static String base(String email) {
		String local = email == null ? "" : email.split("@")[0];
		String cleaned = local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
			cleaned = "u" + cleaned;
		}
		return cleaned.length() > MAX ? cleaned.substring(0, MAX) : cleaned;
	}

	/** The first candidate that {@code taken} does not refuse. */
	static String generate(String email, Predicate<String> taken) {
		String base = base(email);
		if (!taken.test(base)) {
			return base;
		}
		for (int i = 0; i < 50; i++) {
			int digits = i < 20 ? 2 : i < 40 ? 3 : 4;
			String suffix = RandomSecrets.digits(digits);
			String stem = base.length() > MAX - digits ? base.substring(0, MAX - digits) : base;
			String candidate = stem + suffix;
			if (!taken.test(candidate)) {
				return candidate;
			}
		}
		// thousands of customers share the base ("info@…" at every company, a sale's
		// look-alike addresses): the digits run out (10,000 at most), and a random try
		// failed more and more often. The base's first letters and letters and digits
		// after them: 36^5 (60 million) candidates.
		String stem = base.substring(0, Math.min(base.length(), MAX - LETTERS_AND_DIGITS));
		for (int i = 0; i < 50; i++) {
			String candidate = stem + RandomSecrets.fromAlphabet(ALPHANUMERIC, MAX - stem.length());
			if (!taken.test(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no free username for " + base);
	}

	static boolean valid(String username) {
		return username != null && username.matches("[a-z][a-z0-9]{0," + (MAX - 1) + "}");
	}

}
