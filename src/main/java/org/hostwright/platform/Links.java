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

	/**
	 * The bound port once the server is up (it does not change after): every request's
	 * host check asks for the base URL, and a lookup through all property sources each
	 * time was a tenth of a signed-in page view's CPU.
	 */
	private volatile String boundPort;

	Links(PlatformProperties properties, Environment env) {
		this.properties = properties;
		this.env = env;
	}

	public String baseUrl() {
		if (!properties.baseUrl().isBlank()) {
			return properties.baseUrl();
		}
		return "http://localhost:" + port();
	}

	/**
	 * The address of the app on loopback, for callbacks from sandbox simulators running
	 * in this JVM.
	 */
	public String loopbackUrl(String path) {
		return "http://127.0.0.1:" + port() + (path.startsWith("/") ? path : "/" + path);
	}

	public String url(String path) {
		return baseUrl() + (path.startsWith("/") ? path : "/" + path);
	}

	private String port() {
		String bound = boundPort;
		if (bound != null) {
			return bound;
		}
		String local = env.getProperty("local.server.port");
		if (local != null) {
			boundPort = local;
			return local;
		}
		return env.getProperty("server.port", "8080");
	}

}
