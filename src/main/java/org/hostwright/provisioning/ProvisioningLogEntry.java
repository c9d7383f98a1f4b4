package org.hostwright.provisioning;

import java.time.Instant;

/** One logged step of a service's life: secrets are removed before it is written. */
public record ProvisioningLogEntry(long id, long serviceId, String step, boolean success, String message,
		String request, String response, Long durationMs, Instant createdAt) {
}
