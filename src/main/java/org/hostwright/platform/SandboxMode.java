package org.hostwright.platform;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether payments and control panels are simulated. Sandbox is on by default only with
 * the embedded database, so a production install on PostgreSQL can never take fake
 * payments unless someone sets {@code HOSTWRIGHT_SANDBOX=true} on purpose.
 */
@Component
public class SandboxMode {

	private static final Logger log = LoggerFactory.getLogger(SandboxMode.class);

	private final boolean enabled;

	private final Map<String, URI> endpoints = new ConcurrentHashMap<>();

	SandboxMode(Environment env) {
		Boolean explicit = env.getProperty("hostwright.sandbox", Boolean.class);
		String url = env.getProperty("spring.datasource.url", "");
		this.enabled = explicit != null ? explicit : url.isBlank() || url.startsWith("jdbc:h2:");
		if (enabled) {
			log.warn("SANDBOX MODE is on: payments and control panels are simulated on loopback");
		}
	}

	public boolean enabled() {
		return enabled;
	}

	/**
	 * A simulator announces where it listens (e.g. "zenopay", "webuzo"), so the real
	 * clients can reach it without depending on the sandbox module.
	 */
	public void registerEndpoint(String name, URI baseUri) {
		endpoints.put(name, baseUri);
	}

	/** Where the named simulator listens, when sandbox mode is on and it has started. */
	public Optional<URI> endpoint(String name) {
		return enabled ? Optional.ofNullable(endpoints.get(name)) : Optional.empty();
	}

}
