package org.hostwright.sites;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SitesConfiguration {

	/**
	 * Ahead of sessions (HIGHEST_PRECEDENCE + 50) and security, after the
	 * forwarded-header filter.
	 */
	@Bean
	FilterRegistrationBean<SiteHostFilter> siteHostFilter(HostRouting routing) {
		var registration = new FilterRegistrationBean<>(new SiteHostFilter(routing));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
