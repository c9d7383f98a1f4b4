package org.hostwright.platform.web;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * No Micrometer observation around every request unless {@code HOSTWRIGHT_HTTP_METRICS}
 * is on. Nothing reads them by default (no metrics endpoint is exposed, no registry
 * exports them), and timing each request cost a tenth of a signed-in page view's CPU (the
 * observation's context, its tags, the timer's lookup). An operator who adds a metrics
 * registry turns them on; the security filters are never observed (see
 * {@code SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "hostwright.http-metrics", havingValue = false, matchIfMissing = true)
class RequestObservations {

	/**
	 * A registration of the observation filter that is never installed: Spring Boot's own
	 * registration of it backs off when one exists.
	 */
	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> noRequestObservations() {
		var registration = new FilterRegistrationBean<>(new ServerHttpObservationFilter(ObservationRegistry.NOOP));
		registration.setEnabled(false);
		return registration;
	}

}
