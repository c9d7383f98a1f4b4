package org.hostwright.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account settings, bound from {@code hostwright.*}; the defaults and environment variables are in
 * application.properties (and the README's table), nowhere else.
 */
@ConfigurationProperties("hostwright")
record AccountsProperties(Duration apiTokenTtl, Signin signin, String rememberMeKey, String adminEmail,
		String adminPassword) {

	/** Sign-in throttling: failures allowed per account and per address within the window. */
	record Signin(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
	}

	@Override
	public String toString() {
		return "AccountsProperties[apiTokenTtl=" + apiTokenTtl + ", signin=" + signin + ", adminEmail=" + adminEmail + "]";
	}

}
