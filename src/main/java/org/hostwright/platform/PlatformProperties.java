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
		jobs = jobs == null ? new Jobs(Duration.ofSeconds(2), 16) : jobs;
		baseUrl = baseUrl == null ? "" : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Durable job runner settings. */
	public record Jobs(@DefaultValue("2s") Duration pollingInterval, @DefaultValue("16") int threads) {
	}

}
