package org.hostwright.ordering;

import java.time.Instant;

/** One stored payment event, with its raw payload as received. */
public record PaymentEventView(long id, String provider, String eventType, String status, String reference,
		Long amountMinor, String currency, String outcome, String payload, Instant createdAt) {
}
