package org.hostwright.sites;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code hostwright.sites.*}: the parent domain under which every website answers on
 * {@code {subdomain}.{domain}} (a wildcard DNS record points it at the platform); other
 * host names that reach the platform itself (besides {@code HOSTWRIGHT_BASE_URL}'s,
 * {@code localhost} and IP addresses), since any host the platform does not know gets a
 * neutral "no site here" page; and the largest image an editor may upload.
 */
@ConfigurationProperties("hostwright.sites")
record SitesProperties(String domain, List<String> platformHosts, DataSize maxImageSize) {

	SitesProperties {
		domain = domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
		platformHosts = platformHosts == null ? List.of()
				: platformHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
	}

}
