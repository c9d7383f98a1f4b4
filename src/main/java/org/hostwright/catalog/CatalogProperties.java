package org.hostwright.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Catalog settings, bound from {@code hostwright.catalog.*}; the default and environment
 * variable are in application.properties (and the README's table), nowhere else.
 */
@ConfigurationProperties("hostwright.catalog")
record CatalogProperties(String defaultPanelPackage, Duration publicPageTtl) {

	CatalogProperties {
		if (publicPageTtl == null || publicPageTtl.isNegative()) {
			publicPageTtl = Duration.ZERO;
		}
	}

}
