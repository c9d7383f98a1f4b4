package org.hostwright.audit;

import java.time.Instant;

/** One audit record. */
public record AuditEntry(Long id, Instant occurredAt, Long actorId, String actorEmail, String action, String objectType,
		String objectId, String details, String ipAddress) {
}
