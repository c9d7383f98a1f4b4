package org.hostwright.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The panel server seeded from configuration ({@code hostwright.webuzo.*}) when no server exists yet.
 * Empty URLs mean the sandbox simulator in sandbox mode. Timeouts apply to every panel server.
 */
@ConfigurationProperties("hostwright.webuzo")
record WebuzoProperties(@DefaultValue("") String adminUrl, @DefaultValue("") String enduserUrl,
		@DefaultValue("key") String auth, @DefaultValue("admin") String apiUser, @DefaultValue("") String apiKey,
		@DefaultValue("") String adminPassword, @DefaultValue("15s") Duration timeout,
		@DefaultValue("5s") Duration connectTimeout) {

	boolean basic() {
		return "basic".equalsIgnoreCase(auth);
	}

	/** The secret for the chosen authentication. */
	String secret() {
		return basic() ? adminPassword : apiKey;
	}

}
