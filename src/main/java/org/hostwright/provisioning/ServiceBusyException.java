package org.hostwright.provisioning;

import java.time.Instant;

/**
 * Another run holds the service: try again when its claim ends (not counted as an
 * attempt).
 */
class ServiceBusyException extends RuntimeException {

	private final Instant until;

	ServiceBusyException(long serviceId, Instant until) {
		super("service " + serviceId + " is being worked on until " + until);
		this.until = until;
	}

	Instant until() {
		return until;
	}

}
