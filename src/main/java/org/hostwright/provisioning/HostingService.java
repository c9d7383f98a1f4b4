package org.hostwright.provisioning;

import java.time.Instant;
import java.util.UUID;

/** A hosting service as other modules and pages see it (never its password). */
public record HostingService(long id, long orderId, UUID orderUuid, long customerId, long planId, String planSlug,
		String domain, Long panelServerId, String panelPackage, String panelUsername, ServiceStatus status,
		int attempts, String lastError, Instant lastAttemptAt, Instant lastProvisionedAt, Instant lastFailedAt,
		Instant createdAt, Instant updatedAt) {
}
