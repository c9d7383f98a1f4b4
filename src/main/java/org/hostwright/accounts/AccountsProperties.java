package org.hostwright.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account settings, bound from {@code hostwright.*}; the defaults and environment
 * variables are in application.properties (and the README's table), nowhere else.
 */
@ConfigurationProperties("hostwright")
record AccountsProperties(Duration apiTokenTtl, Signin signin, String rememberMeKey, String adminEmail,
		String adminPassword) {

	/**
	 * Sign-in throttling within the window: failures per (e-mail, address) pair and per
	 * device, per address, and per e-mail for browsers without a device cookie.
	 */
	record Signin(int maxFailuresPerPair, int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
	}

	@Override
	public String toString() {
		return "AccountsProperties[apiTokenTtl=" + apiTokenTtl + ", signin=" + signin + ", adminEmail=" + adminEmail
				+ "]";
	}

}
