package org.hostwright.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hostwright.platform.RandomSecrets;

/**
 * One-time recovery codes for when the authenticator is lost: ten random codes of ten
 * characters (50 bits each, from an alphabet without look-alikes), shown once, stored as
 * SHA-256 hashes. Their entropy, not a slow hash, is what makes a stolen hash useless.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	/** Ten fresh codes, written {@code xxxxx-xxxxx}. */
	static List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		while (codes.size() < COUNT) {
			StringBuilder sb = new StringBuilder();
			for (int i = 0; i < 10; i++) {
				if (i == 5) {
					sb.append('-');
				}
				sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			if (!codes.contains(sb.toString())) {
				codes.add(sb.toString());
			}
		}
		return codes;
	}

	/** What the user typed, without spaces, dashes and case, as stored. */
	static String normalise(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the text looks like a recovery code at all (10 letters or digits once
	 * normalised).
	 */
	static boolean looksLikeOne(String typed) {
		return normalise(typed).matches("[a-z0-9]{10}");
	}

	static String hash(String typed) {
		return RandomSecrets.sha256(normalise(typed));
	}

}
