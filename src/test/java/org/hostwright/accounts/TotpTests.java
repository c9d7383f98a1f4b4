package org.hostwright.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, appendix B (SHA-1, eight digits). */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheRfc6238TestVectors(long seconds, String expected) {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1")).isEqualTo(expected);
	}

	@Test
	void base32RoundTripsAndMatchesRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Totp.fromBase32("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		String secret = Totp.newSecret();
		assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.fromBase32(secret)).hasSize(20);
	}

	@Test
	void aCodeIsGoodForItsStepAndOneStepEitherSideButNotTwice() {
		String secret = Totp.base32(RFC_SECRET);
		Instant now = Instant.ofEpochSecond(1111111111);
		String code = Totp.code(secret, now);
		assertThat(code).hasSize(6).isEqualTo("050471");
		assertThat(Totp.verify(secret, code, now, 0)).hasValue(Totp.step(now));
		assertThat(Totp.verify(secret, code, now.plusSeconds(30), 0)).hasValue(Totp.step(now));
		assertThat(Totp.verify(secret, code, now.minusSeconds(30), 0)).hasValue(Totp.step(now));
		assertThat(Totp.verify(secret, code, now.plusSeconds(90), 0)).isEmpty();
		// once used, the same step is refused (a replayed code)
		assertThat(Totp.verify(secret, code, now, Totp.step(now))).isEmpty();
		assertThat(Totp.verify(secret, "123 456", now, 0)).isEmpty();
		assertThat(Totp.verify(secret, "abc", now, 0)).isEmpty();
		assertThat(Totp.verify(secret, null, now, 0)).isEmpty();
	}

	@Test
	void theUriIsWhatAuthenticatorAppsImport() {
		assertThat(Totp.uri("Hostwright", "asha@example.test", "JBSWY3DPEHPK3PXP"))
			.isEqualTo("otpauth://totp/Hostwright:asha%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Hostwright"
					+ "&algorithm=SHA1&digits=6&period=30");
	}

}
