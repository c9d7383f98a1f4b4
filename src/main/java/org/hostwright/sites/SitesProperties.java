package org.hostwright.sites;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hostwright.sites.*}: the parent domain under which every website answers on
 * {@code {subdomain}.{domain}} (a wildcard DNS record points it at the platform).
 */
@ConfigurationProperties("hostwright.sites")
record SitesProperties(String domain) {

	SitesProperties {
		domain = domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
	}

}
