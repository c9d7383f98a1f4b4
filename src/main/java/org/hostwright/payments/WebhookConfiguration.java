package org.hostwright.payments;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the gateway's webhook as a servlet of its own next to Spring MVC's (see
 * {@link ZenoWebhookEndpoint}); the servlet filters and Spring Security's webhook chain
 * apply to it as to every request.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	ServletRegistrationBean<ZenoWebhookEndpoint> zenoWebhook(ZenoPaySettings settings, WebhookThrottle throttle,
			WebhookInbox inbox) {
		var registration = new ServletRegistrationBean<>(new ZenoWebhookEndpoint(settings, throttle, inbox),
				ZenoWebhookEndpoint.PATH);
		registration.setName("zenoWebhook");
		// ready before the first delivery arrives rather than initialised by it
		registration.setLoadOnStartup(1);
		return registration;
	}

}
