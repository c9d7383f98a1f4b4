package org.hostwright.ordering;

import java.time.Instant;

/**
 * One payment attempt of an order; {@code gatewayOrderId} is the order id the gateway
 * knows it by.
 */
public record PaymentSummary(String gatewayOrderId, String provider, String status, long amountMinor, String currency,
		String message, Instant createdAt, Instant completedAt) {
}
