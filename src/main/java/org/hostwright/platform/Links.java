package org.hostwright.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute URLs on this installation (links in e-mails, the payment webhook address).
 * Uses {@code HOSTWRIGHT_BASE_URL} when set; otherwise
 * {@code http://localhost:<the port actually bound>}, which is right for the quick start
 * and for tests on a random port.
 */
@Component
public class Links {

	private final PlatformProperties properties;

	private final Environment env;

	Links(PlatformProperties properties, Environment env) {
		this.properties = properties;
		this.env = env;
	}

	public String baseUrl() {
		if (!properties.baseUrl().isBlank()) {
			return properties.baseUrl();
		}
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

	/**
	 * The address of the app on loopback, for callbacks from sandbox simulators running
	 * in this JVM.
	 */
	public String loopbackUrl(String path) {
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		return "http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path);
	}

	public String url(String path) {
		return baseUrl() + (path.startsWith("/") ? path : "/" + path);
	}

}
