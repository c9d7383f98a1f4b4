package org.hostwright.platform;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared across modules, bound from {@code hostwright.*} (each has an
 * environment variable listed in the README).
 */
@ConfigurationProperties("hostwright")
public record PlatformProperties(String dataDir, String baseUrl, String brandName, String defaultCurrency,
		ZoneId timeZone, String mailFrom, Jobs jobs) {

	public PlatformProperties {
		jobs = jobs == null ? new Jobs(Duration.ofSeconds(2), 16, Duration.ofSeconds(5), 6) : jobs;
		baseUrl = baseUrl == null ? "" : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Durable job runner settings. A node that misses {@code missedHeartbeats} heartbeats
	 * in a row is dead: another node (or the same one after a restart) runs its jobs
	 * again, i.e. within heartbeat-interval × missed-heartbeats (30 s by default) plus
	 * one check.
	 */
	public record Jobs(Duration pollingInterval, int threads, Duration heartbeatInterval, int missedHeartbeats) {
	}

}
