package org.hostwright.provisioning;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provisioning settings ({@code hostwright.provisioning.*}): retry back-off, the plan →
 * panel package map, and where failure alerts go.
 *
 * @param backoff waits before the 2nd, 3rd… attempt; the last value repeats
 * @param maxAttempts attempts before the service is failed
 * @param defaultPackage the panel package for a plan that names none and is not in the
 * map
 * @param planMap {@code slug:Package,slug:Package}
 * @param alertEmail who is told about failures (comma separated); empty = every admin
 * @param fallbackDomainSuffix main domain {@code <username>.<suffix>} for an order
 * without a domain
 * @param rateLimit panel calls per second and server
 */
@ConfigurationProperties("hostwright.provisioning")
record ProvisioningProperties(List<Duration> backoff, int maxAttempts, String defaultPackage, String planMap,
		String alertEmail, String fallbackDomainSuffix, int rateLimit, Duration credentialsLinkTtl) {

	ProvisioningProperties {
		backoff = backoff == null || backoff.isEmpty() ? List.of(Duration.ofSeconds(10)) : backoff;
		maxAttempts = Math.max(1, maxAttempts);
		rateLimit = Math.max(1, rateLimit);
	}

	/** The wait before attempt {@code failures + 1}. */
	Duration backoffAfter(int failures) {
		return backoff.get(Math.min(Math.max(failures - 1, 0), backoff.size() - 1));
	}

	Map<String, String> plans() {
		Map<String, String> map = new LinkedHashMap<>();
		for (String pair : planMap.split(",")) {
			int colon = pair.indexOf(':');
			if (colon > 0) {
				map.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
			}
		}
		return map;
	}

	/** The panel package for a plan: the plan's own, then the map, then the default. */
	String packageFor(String slug, String planPackage) {
		if (planPackage != null && !planPackage.isBlank()) {
			return planPackage;
		}
		return plans().getOrDefault(slug, defaultPackage);
	}

}
