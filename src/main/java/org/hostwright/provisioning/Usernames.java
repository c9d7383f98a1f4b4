package org.hostwright.provisioning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

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

	/**
	 * The first free candidate, asking {@code takenAmong} which of a batch of candidates
	 * are taken: the base alone, then every digit-suffixed candidate at once, then every
	 * letters-and-digits one. One question per batch instead of one per candidate: during
	 * a sale, customers whose addresses start alike each tried dozens of candidates, a
	 * query each (a twelfth of the app's CPU).
	 */
	static String generateAmong(String email, Function<List<String>, Set<String>> takenAmong) {
		String base = base(email);
		// each batch made only when the one before is all taken: most bases are free
		List<Supplier<List<String>>> batches = List.of(() -> List.of(base), () -> digitSuffixed(base),
				() -> lettersAndDigits(base));
		for (Supplier<List<String>> next : batches) {
			List<String> batch = next.get();
			Set<String> taken = takenAmong.apply(batch);
			for (String candidate : batch) {
				if (!taken.contains(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("no free username for " + base);
	}

	/** The base cut to make room for 2, 3 and then 4 random digits. */
	private static List<String> digitSuffixed(String base) {
		Set<String> candidates = new LinkedHashSet<>();
		for (int i = 0; i < 50; i++) {
			int digits = i < 20 ? 2 : i < 40 ? 3 : 4;
			String stem = base.length() > MAX - digits ? base.substring(0, MAX - digits) : base;
			candidates.add(stem + RandomSecrets.digits(digits));
		}
		return List.copyOf(candidates);
	}

	/**
	 * Thousands of customers share the base ("info@…" at every company, a sale's
	 * look-alike addresses): the digits run out (10,000 at most). The base's first
	 * letters and letters and digits after them: 36^5 (60 million) candidates.
	 */
	private static List<String> lettersAndDigits(String base) {
		String stem = base.substring(0, Math.min(base.length(), MAX - LETTERS_AND_DIGITS));
		Set<String> candidates = new LinkedHashSet<>();
		for (int i = 0; i < 50; i++) {
			candidates.add(stem + RandomSecrets.fromAlphabet(ALPHANUMERIC, MAX - stem.length()));
		}
		return List.copyOf(candidates);
	}

	static boolean valid(String username) {
		return username != null && username.matches("[a-z][a-z0-9]{0," + (MAX - 1) + "}");
	}

}
