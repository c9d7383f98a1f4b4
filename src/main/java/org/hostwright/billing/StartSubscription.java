package org.hostwright.billing;

import java.time.LocalDate;

import org.hostwright.catalog.BillingPeriod;

/**
 * Starts billing a service again every period: its first period (already paid) starts on
 * {@code start}, the next one is due one period later.
 *
 * @param kind {@code hosting} (a hosting service id) or {@code agency} (a client service
 * id)
 * @param planId the plan a hosting service renews (its renewal lead days may override the
 * setting), or null
 */
public record StartSubscription(String kind, long sourceId, long customerId, String description, String currency,
		long priceMinor, BillingPeriod period, LocalDate start, boolean autoRenew, Long planId) {

	/** A subscription of no plan. */
	public StartSubscription(String kind, long sourceId, long customerId, String description, String currency,
			long priceMinor, BillingPeriod period, LocalDate start, boolean autoRenew) {
		this(kind, sourceId, customerId, description, currency, priceMinor, period, start, autoRenew, null);
	}

	public static final String HOSTING = "hosting";

	public static final String AGENCY = "agency";

}
