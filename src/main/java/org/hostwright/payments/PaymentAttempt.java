package org.hostwright.payments;

import java.time.Instant;

/**
 * One push payment for an order or, without an order, for an invoice (a renewal);
 * {@code gatewayOrderId} is the order id the gateway knows it by.
 */
public record PaymentAttempt(long id, Long orderId, String gatewayOrderId, String gateway, String provider,
		String phone, long amountMinor, String currency, AttemptStatus status, String gatewayReference, String channel,
		String message, Instant createdAt, Instant completedAt, Long invoiceId) {
}
