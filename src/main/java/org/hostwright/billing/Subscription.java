package org.hostwright.billing;

import java.time.LocalDate;

import org.hostwright.catalog.BillingPeriod;

/** The billable side of a service: its price, period and next due date. */
public record Subscription(long id, String sourceKind, long sourceId, long customerId, String description,
		String currency, long priceMinor, BillingPeriod period, int anchorDay, LocalDate nextDueDate,
		LocalDate nextPeriodEnd, boolean autoRenew, String status) {
}
