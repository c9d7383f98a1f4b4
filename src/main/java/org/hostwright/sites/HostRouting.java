package org.hostwright.sites;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hostwright.platform.Links;

import org.springframework.stereotype.Component;

/**
 * Decides which website, if any, a {@code Host} header names. Subdomains of the sites
 * domain are recognised by name; any other host (except the platform's own) may be a live
 * client domain, looked up by its unique index (with its {@code www.} twin) and
 * remembered briefly, so a burst of requests costs one query and a change made on another
 * node shows within {@link #TTL}. A host that is none of these is unknown: it gets a
 * neutral page, never the platform's shop.
 */
@Component
class HostRouting {

	static final Duration TTL = Duration.ofSeconds(30);

	private static final int MAX_ENTRIES = 10_000;

	private final SitesProperties properties;

	private final WebsiteRepository sites;

	private final Clock clock;

	private final Links links;

	private final Map<String, Cached> liveDomains = new ConcurrentHashMap<>();

	private record Cached(Optional<String> subdomain, Instant until) {
	}

	HostRouting(SitesProperties properties, Links links, WebsiteRepository sites, Clock clock) {
		this.properties = properties;
		this.sites = sites;
		this.clock = clock;
		this.links = links;
	}

	/**
	 * Read each time: without HOSTWRIGHT_BASE_URL the port is known only once the server
	 * is up.
	 */
	private URI platform() {
		String base = links.baseUrl();
		Platform last = platform;
		if (last == null || !last.base().equals(base)) {
			last = new Platform(base, URI.create(base));
			platform = last;
		}
		return last.uri();
	}

	private record Platform(String base, URI uri) {
	}

	/** The base URL last parsed (parsing it on every request showed in profiles). */
	private volatile Platform platform;

	/** What a request's {@code Host} names. */
	record Route(Kind kind, String subdomain) {

		enum Kind {

			/**
			 * The platform itself (its own host, localhost, an IP address, a name without
			 * a dot).
			 */
			PLATFORM,
			/**
			 * A website: a label under the sites domain or a live domain (or its
			 * {@code www.} twin).
			 */
			SITE,
			/**
			 * A host name the platform does not serve: a neutral "no site here" page,
			 * never the shop.
			 */
			UNKNOWN

		}

		static final Route PLATFORM_ROUTE = new Route(Kind.PLATFORM, null);

		static final Route UNKNOWN_ROUTE = new Route(Kind.UNKNOWN, null);

	}

	Route route(String rawHost) {
		if (rawHost == null || rawHost.isBlank()) {
			return Route.PLATFORM_ROUTE;
		}
		String host = rawHost.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		// IP addresses (health checks, the sandbox's loopback callbacks) and single
		// labels are the platform's
		if (isPlatformHost(host) || !host.contains(".") || host.matches("^[0-9.]+$") || host.contains(":")) {
			return Route.PLATFORM_ROUTE;
		}
		String suffix = "." + properties.domain();
		if (host.endsWith(suffix)) {
			String label = host.substring(0, host.length() - suffix.length());
			return label.matches("^[a-z0-9-]{1,63}$") ? new Route(Route.Kind.SITE, label) : Route.UNKNOWN_ROUTE;
		}
		if (host.equals(properties.domain())) {
			return Route.UNKNOWN_ROUTE;
		}
		// a live domain, or its www. twin: example.lu and www.example.lu are the same
		// site
		String twin = host.startsWith("www.") ? host.substring(4) : "www." + host;
		return liveDomain(host).or(() -> liveDomain(twin))
			.map(sub -> new Route(Route.Kind.SITE, sub))
			.orElse(Route.UNKNOWN_ROUTE);
	}

	private Optional<String> liveDomain(String host) {
		Instant now = Instant.now(clock);
		Cached cached = liveDomains.get(host);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.subdomain();
		}
		if (liveDomains.size() > MAX_ENTRIES) {
			liveDomains.clear();
		}
		Optional<String> found = sites.subdomainForLiveDomain(host);
		if (found.isEmpty() && host.startsWith("www.")) {
			// live domains are stored without www. (DomainNames), and a site answers on
			// both
			found = sites.subdomainForLiveDomain(host.substring(4));
		}
		liveDomains.put(host, new Cached(found, now.plus(TTL)));
		return found;
	}

	void forget(String domain) {
		liveDomains.remove(domain);
		liveDomains.remove(domain.startsWith("www.") ? domain.substring(4) : "www." + domain);
	}

	boolean isPlatformHost(String host) {
		return host.equals(platform().getHost()) || host.equals("localhost") || host.equals("127.0.0.1")
				|| properties.platformHosts().contains(host);
	}

	/**
	 * Domains a client may not claim: the platform's own host and anything under the
	 * sites domain.
	 */
	boolean isReserved(String domain) {
		return isPlatformHost(domain) || domain.equals(properties.domain())
				|| domain.endsWith("." + properties.domain());
	}

	String publicUrl(Website site) {
		URI platform = platform();
		String scheme = platform.getScheme();
		if (site.liveDomain() != null) {
			return scheme + "://" + site.liveDomain() + "/";
		}
		String port = platform.getPort() > 0 ? ":" + platform.getPort() : "";
		return scheme + "://" + site.subdomain() + "." + properties.domain() + port + "/";
	}

	/**
	 * The origin allowed to frame the websites (the POC viewer lives on the platform).
	 */
	String platformOrigin() {
		URI platform = platform();
		String port = platform.getPort() > 0 ? ":" + platform.getPort() : "";
		return platform.getScheme() + "://" + platform.getHost() + port;
	}

}
