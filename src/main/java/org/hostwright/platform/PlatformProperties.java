package org.hostwright.platform;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared across modules, bound from {@code hostwright.*} (each has an environment variable
 * listed in the README).
 */
@ConfigurationProperties("hostwright")
public record PlatformProperties(String dataDir,
		String baseUrl, String brandName,
		String defaultCurrency, ZoneId timeZone,
		String mailFrom, Jobs jobs) {

	public PlatformProperties {
		jobs = jobs == null ? new Jobs(Duration.ofSeconds(2), 4) : jobs;
		baseUrl = baseUrl == null ? "" : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Durable job runner settings. */
	public record Jobs(Duration pollingInterval, int threads) {
	}

}
