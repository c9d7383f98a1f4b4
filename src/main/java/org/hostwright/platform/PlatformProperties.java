package org.hostwright.platform;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared across modules, bound from {@code hostwright.*} (each has an environment variable
 * listed in the README).
 */
@ConfigurationProperties("hostwright")
public record PlatformProperties(@DefaultValue("./data") String dataDir,
		@DefaultValue("") String baseUrl, @DefaultValue("Hostwright") String brandName,
		@DefaultValue("TZS") String defaultCurrency, @DefaultValue("Africa/Dar_es_Salaam") ZoneId timeZone,
		@DefaultValue("Hostwright <no-reply@hostwright.local>") String mailFrom, Jobs jobs) {

	public PlatformProperties {
		jobs = jobs == null ? new Jobs(Duration.ofSeconds(2), 4, Duration.ofSeconds(5), 6) : jobs;
		baseUrl = baseUrl == null ? "" : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Durable job runner settings. A node that misses {@code missedHeartbeats} heartbeats in a row is
	 * dead: another node (or the same one after a restart) runs its jobs again, i.e. within
	 * heartbeat-interval × missed-heartbeats (30 s by default) plus one check.
	 */
	public record Jobs(@DefaultValue("2s") Duration pollingInterval, @DefaultValue("4") int threads,
			@DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("6") int missedHeartbeats) {
	}

}
