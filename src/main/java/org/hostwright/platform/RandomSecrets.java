package org.hostwright.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The one maker of random secrets (tokens, generated passwords, random suffixes), all
 * from one {@link SecureRandom}: nothing guessable is ever made from
 * {@code java.util.Random} or a clock.
 */
public final class RandomSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomSecrets() {
	}

	/**
	 * {@code prefix} followed by 256 random bits, URL-safe base64 without padding (43
	 * characters).
	 */
	public static String token(String prefix) {
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
	}

	public static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** {@code length} characters drawn uniformly from {@code alphabet}. */
	public static String fromAlphabet(String alphabet, int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(pick(alphabet));
		}
		return sb.toString();
	}

	/** {@code length} characters with at least one from each class, in random order. */
	public static String password(int length, String... classes) {
		List<Character> chars = new ArrayList<>();
		StringBuilder all = new StringBuilder();
		for (String c : classes) {
			chars.add(pick(c));
			all.append(c);
		}
		while (chars.size() < length) {
			chars.add(pick(all));
		}
		Collections.shuffle(chars, RANDOM);
		StringBuilder sb = new StringBuilder(length);
		chars.forEach(sb::append);
		return sb.toString();
	}

	/**
	 * The SHA-256 of a token, hex: what is stored, so a stolen database never yields a
	 * usable token.
	 */
	public static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code count} random decimal digits (leading zeros kept). */
	public static String digits(int count) {
		return fromAlphabet("0123456789", count);
	}

	private static char pick(CharSequence from) {
		return from.charAt(RANDOM.nextInt(from.length()));
	}

}
