package org.hostwright.catalog;

import java.time.Clock;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The storefront's page caches as servlet filters: the anonymous one early in the chain
 * (before the session and security filters it lets anonymous views skip), the signed-in
 * viewer's after the security chain. A configuration rather than a component filter, so
 * web slice tests of other modules do not need the catalog.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCacheConfiguration {

	@Bean
	FilterRegistrationBean<PublicPageCache> publicPageCache(Catalog catalog, LocaleResolver locales, Clock clock,
			CatalogProperties properties) {
		FilterRegistrationBean<PublicPageCache> registration = new FilterRegistrationBean<>(
				new PublicPageCache(catalog, locales, clock, properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** After the security chain: the viewer is known. */
	@Bean
	FilterRegistrationBean<ViewerPageCache> viewerPageCache(Catalog catalog, LocaleResolver locales, Clock clock,
			CatalogProperties properties) {
		FilterRegistrationBean<ViewerPageCache> registration = new FilterRegistrationBean<>(
				new ViewerPageCache(catalog, locales, clock, properties));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

}
