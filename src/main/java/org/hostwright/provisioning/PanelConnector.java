package org.hostwright.provisioning;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.bucket4j.Bucket;
import org.hostwright.platform.OutsideCalls;
import org.hostwright.platform.SandboxMode;

import org.springframework.stereotype.Component;

/**
 * Opens a {@link HostingPanel} on a panel server: decrypts its credentials, resolves the
 * sandbox simulator's address, and shares one rate limiter per server across all jobs of
 * this node.
 */
@Component
class PanelConnector {

	private final PanelServers servers;

	private final SandboxMode sandbox;

	private final WebuzoProperties webuzo;

	private final ProvisioningProperties properties;

	private final OutsideCalls calls;

	private final Map<Long, Bucket> limiters = new ConcurrentHashMap<>();

	PanelConnector(PanelServers servers, SandboxMode sandbox, WebuzoProperties webuzo,
			ProvisioningProperties properties, OutsideCalls calls) {
		this.servers = servers;
		this.sandbox = sandbox;
		this.webuzo = webuzo;
		this.properties = properties;
		this.calls = calls;
	}

	/**
	 * The outcome of {@link #reserve}: either calls taken from the server's budget,
	 * usable after {@code after} (zero: now), or nothing taken and a time worth asking
	 * again.
	 */
	record Reservation(boolean granted, Duration after) {
	}

	/**
	 * Takes {@code permits} calls of the server's per-second budget without blocking:
	 * granted when they are free now or within {@code horizon} (then the caller comes
	 * back after that, not holding a thread meanwhile); refused, and nothing taken, when
	 * the budget is spent further ahead than that.
	 */
	Reservation reserve(long serverId, int permits, Duration horizon) {
		Bucket bucket = limiter(serverId);
		synchronized (bucket) {
			var estimate = bucket.estimateAbilityToConsume(permits);
			if (estimate.canBeConsumed()) {
				bucket.tryConsume(permits);
				return new Reservation(true, Duration.ZERO);
			}
			Duration wait = Duration.ofNanos(estimate.getNanosToWaitForRefill());
			if (wait.compareTo(horizon) > 0) {
				return new Reservation(false, wait.minus(horizon));
			}
			// into debt: the calls are ours after the wait, and everyone else queues
			// behind them
			return new Reservation(true, Duration.ofNanos(bucket.consumeIgnoringRateLimits(permits)));
		}
	}

	HostingPanel open(long serverId, Consumer<PanelExchange> sink) {
		return open(serverId, sink, 0);
	}

	/**
	 * Opens the panel with {@code prepaid} calls already reserved through
	 * {@link #reserve}.
	 */
	HostingPanel open(long serverId, Consumer<PanelExchange> sink, int prepaid) {
		PanelServer server = servers.require(serverId);
		PanelEndpoint endpoint = new PanelEndpoint(serverId, resolve(server.adminUrl()), resolve(server.enduserUrl()),
				server.basicAuth(), server.apiUser(), servers.secret(serverId));
		return new WebuzoPanel(endpoint, calls.client("webuzo", webuzo.connectTimeout(), webuzo.timeout()),
				webuzo.timeout(), limiter(serverId), prepaid, calls.json(), sink);
	}

	/** The end-user panel address as a person's browser reaches it. */
	URI enduserUrl(long serverId) {
		return resolve(servers.require(serverId).enduserUrl());
	}

	private Bucket limiter(long serverId) {
		int perSecond = properties.rateLimit();
		return limiters.computeIfAbsent(serverId,
				id -> Bucket.builder()
					.addLimit(l -> l.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
					.build());
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
