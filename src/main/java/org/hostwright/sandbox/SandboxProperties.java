package org.hostwright.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Simulator settings, bound from {@code hostwright.sandbox.*}; the default is in
 * application.properties.
 */
@ConfigurationProperties("hostwright.sandbox")
record SandboxProperties(Zenopay zenopay) {

	/** How long the simulated buyer takes to confirm on the phone. */
	record Zenopay(Duration delay) {
	}

}
