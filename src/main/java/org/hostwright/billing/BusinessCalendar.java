package org.hostwright.billing;

import java.time.Clock;
import java.time.LocalDate;

import org.hostwright.platform.PlatformProperties;

import org.springframework.stereotype.Component;

/**
 * Today in the business's time zone: due dates, the run's date and the numbering year
 * follow it.
 */
@Component
class BusinessCalendar {

	private final Clock clock;

	private final PlatformProperties properties;

	BusinessCalendar(Clock clock, PlatformProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(properties.timeZone()));
	}

	java.time.LocalDateTime now() {
		return java.time.LocalDateTime.now(clock.withZone(properties.timeZone()));
	}

}
