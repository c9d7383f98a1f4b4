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
 * Decides which website, if any, a {@code Host} header names. Subdomains of the sites domain are
 * recognised by name; any other host (except the platform's own) may be a live client domain,
 * looked up by its unique index and remembered briefly, so a burst of requests costs one query and
 * a change made on another node shows within {@link #TTL}.
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

	/** Read each time: without HOSTWRIGHT_BASE_URL the port is known only once the server is up. */
	private URI platform() {
		return URI.create(links.baseUrl());
	}

	/** The subdomain of the website this host serves; empty for the platform itself and unknown hosts. */
	Optional<String> subdomainFor(String rawHost) {
		if (rawHost == null || rawHost.isBlank()) {
			return Optional.empty();
		}
		String host = rawHost.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (isPlatformHost(host)) {
			return Optional.empty();
		}
		String suffix = "." + properties.domain();
		if (host.endsWith(suffix)) {
			String label = host.substring(0, host.length() - suffix.length());
			return label.matches("^[a-z0-9-]{1,63}$") ? Optional.of(label) : Optional.empty();
		}
		if (host.equals(properties.domain()) || !host.contains(".") || host.matches("^[0-9.]+$") || host.contains(":")) {
			return Optional.empty();
		}
		return liveDomain(host);
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
			// live domains are stored without www. (DomainNames), and a site answers on both
			found = sites.subdomainForLiveDomain(host.substring(4));
		}
		liveDomains.put(host, new Cached(found, now.plus(TTL)));
		return found;
	}

	void forget(String domain) {
		liveDomains.remove(domain);
	}

	boolean isPlatformHost(String host) {
		return host.equals(platform().getHost()) || host.equals("localhost") || host.equals("127.0.0.1");
	}

	/** Domains a client may not claim: the platform's own host and anything under the sites domain. */
	boolean isReserved(String domain) {
		return isPlatformHost(domain) || domain.equals(properties.domain()) || domain.endsWith("." + properties.domain());
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

	/** The origin allowed to frame the websites (the POC viewer lives on the platform). */
	String platformOrigin() {
		URI platform = platform();
		String port = platform.getPort() > 0 ? ":" + platform.getPort() : "";
		return platform.getScheme() + "://" + platform.getHost() + port;
	}

}
