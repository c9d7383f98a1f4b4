package org.hostwright.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second
 * steps, six digits, what every authenticator app speaks. Secrets travel as Base32 (RFC
 * 4648, no padding).
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new 160-bit secret, Base32. */
	static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return base32(secret);
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/**
	 * The code for one time step, {@code digits} long (6 in the app; 8 for RFC 6238's
	 * test vectors).
	 */
	static String code(byte[] secret, long step, int digits, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret, algorithm));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int mod = (int) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", binary % mod);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String code(String base32Secret, Instant at) {
		return code(fromBase32(base32Secret), step(at), DIGITS, "HmacSHA1");
	}

	/**
	 * The time step the code matches, allowing one step of clock drift either way and
	 * only steps after {@code lastUsed} (a code works once); empty when it matches none.
	 */
	static OptionalLong verify(String base32Secret, String code, Instant at, long lastUsed) {
		if (code == null) {
			return OptionalLong.empty();
		}
		String digits = code.replace(" ", "").replace("-", "");
		if (!digits.matches("[0-9]{6}")) {
			return OptionalLong.empty();
		}
		byte[] secret = fromBase32(base32Secret);
		long now = step(at);
		for (long s = now - 1; s <= now + 1; s++) {
			if (s > lastUsed && java.security.MessageDigest.isEqual(
					code(secret, s, DIGITS, "HmacSHA1").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
				return OptionalLong.of(s);
			}
		}
		return OptionalLong.empty();
	}

	/** The {@code otpauth://} URI authenticator apps import (typed or scanned). */
	static String uri(String issuer, String account, String base32Secret) {
		String label = enc(issuer) + ":" + enc(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] data) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] fromBase32(String text) {
		String s = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : s.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not Base32");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

}
