package org.hostwright.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.bucket4j.Bucket;
import org.hostwright.platform.SandboxMode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Opens a {@link HostingPanel} on a panel server: decrypts its credentials, resolves the sandbox
 * simulator's address, and shares one rate limiter per server across all jobs of this node.
 */
@Component
class PanelConnector {

	private final PanelServers servers;

	private final SandboxMode sandbox;

	private final WebuzoProperties webuzo;

	private final ProvisioningProperties properties;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<Long, Bucket> limiters = new ConcurrentHashMap<>();

	PanelConnector(PanelServers servers, SandboxMode sandbox, WebuzoProperties webuzo, ProvisioningProperties properties) {
		this.servers = servers;
		this.sandbox = sandbox;
		this.webuzo = webuzo;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(webuzo.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	HostingPanel open(long serverId, Consumer<PanelExchange> sink) {
		PanelServer server = servers.require(serverId);
		PanelEndpoint endpoint = new PanelEndpoint(serverId, resolve(server.adminUrl()), resolve(server.enduserUrl()),
				server.basicAuth(), server.apiUser(), servers.secret(serverId));
		return new WebuzoPanel(endpoint, http, webuzo.timeout(), limiter(serverId), json, sink);
	}

	/** The end-user panel address as a person's browser reaches it. */
	URI enduserUrl(long serverId) {
		return resolve(servers.require(serverId).enduserUrl());
	}

	private Bucket limiter(long serverId) {
		int perSecond = properties.rateLimit();
		return limiters.computeIfAbsent(serverId,
				id -> Bucket.builder().addLimit(l -> l.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
	}

	private URI resolve(String url) {
		if (url.startsWith("sandbox:")) {
			String name = url.substring("sandbox:".length());
			return sandbox.endpoint(name)
				.orElseThrow(() -> new PanelException(PanelException.Kind.UNREACHABLE,
						"the sandbox simulator '" + name + "' is not running (sandbox mode off?)"));
		}
		return URI.create(url);
	}

}
