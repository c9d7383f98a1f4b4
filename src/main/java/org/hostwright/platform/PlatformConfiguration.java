package org.hostwright.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

	/** Every time-dependent rule reads this clock, so tests move time instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
