package org.hostwright.accounts;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceCookiesTests {

	private final DeviceCookies cookies = new DeviceCookies(() -> "k".repeat(32).getBytes(StandardCharsets.UTF_8), null,
			false);

	@Test
	void anIssuedCookieProvesItsAccountAndAFreshDeviceId() {
		String value = cookies.issue(42);
		var device = cookies.verify(value).orElseThrow();
		assertThat(device.accountId()).isEqualTo(42);
		assertThat(device.id()).startsWith("42.");
		assertThat(cookies.verify(cookies.issue(42)).orElseThrow().id()).isNotEqualTo(device.id());
	}

	@Test
	void aChangedAccountIdOrSignatureIsRefused() {
		String value = cookies.issue(42);
		assertThat(cookies.verify("43" + value.substring(2))).isEmpty();
		assertThat(cookies.verify(value.substring(0, value.length() - 2) + "xx")).isEmpty();
		assertThat(cookies.verify("42.abc")).isEmpty();
		assertThat(cookies.verify("garbage")).isEmpty();
		assertThat(cookies.verify(null)).isEmpty();
	}

	@Test
	void anotherServerKeyRefusesTheCookie() {
		var other = new DeviceCookies(() -> "z".repeat(32).getBytes(StandardCharsets.UTF_8), null, false);
		assertThat(other.verify(cookies.issue(42))).isEmpty();
	}

}
