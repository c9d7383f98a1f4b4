package org.hostwright.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration {

	/**
	 * Every time-dependent rule reads this clock, so tests move time instead of sleeping;
	 * in sandbox mode it is a {@link SandboxClock} that can be moved forward.
	 */
	@Bean
	Clock clock(SandboxMode sandbox) {
		return sandbox.enabled() ? new SandboxClock(Clock.systemUTC()) : Clock.systemUTC();
	}

}
