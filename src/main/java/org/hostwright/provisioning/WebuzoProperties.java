package org.hostwright.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The panel server seeded from configuration ({@code hostwright.webuzo.*}) when no server
 * exists yet. Empty URLs mean the sandbox simulator in sandbox mode. Timeouts apply to
 * every panel server. Public so the sandbox simulator accepts the very credentials the
 * client sends.
 */
@ConfigurationProperties("hostwright.webuzo")
public record WebuzoProperties(String adminUrl, String enduserUrl, String auth, String apiUser, String apiKey,
		String adminPassword, Duration timeout, Duration connectTimeout) {

	boolean basic() {
		return "basic".equalsIgnoreCase(auth);
	}

	/** The secret for the chosen authentication. */
	String secret() {
		return basic() ? adminPassword : apiKey;
	}

}
