package org.hostwright.ordering;

import java.time.Instant;
import java.util.UUID;

import org.hostwright.platform.Money;

/**
 * An order as other modules see it. Price and plan are as they were when the order was
 * placed.
 */
public record OrderView(long id, UUID uuid, long customerId, long planId, String planSlug, String planName,
		long priceMinor, String currency, String billingPeriod, String phone, String domain, OrderStatus status,
		String paymentReference, Instant createdAt, Instant paidAt) {

	public Money price() {
		return Money.of(priceMinor, currency);
	}

}
