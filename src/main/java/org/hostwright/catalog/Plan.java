package org.hostwright.catalog;

import java.util.List;

import org.hostwright.platform.Money;

/**
 * A hosting plan as sold on the storefront.
 *
 * @param renewalLeadDays days before a due date the plan's renewal invoices are made, or
 * null for the billing setting
 */
public record Plan(long id, String slug, String name, String description, List<String> features, long priceMinor,
		String currency, BillingPeriod billingPeriod, boolean active, int sortOrder, String panelPackage,
		Integer renewalLeadDays) {

	/** A plan that follows the billing setting for its renewals. */
	public Plan(long id, String slug, String name, String description, List<String> features, long priceMinor,
			String currency, BillingPeriod billingPeriod, boolean active, int sortOrder, String panelPackage) {
		this(id, slug, name, description, features, priceMinor, currency, billingPeriod, active, sortOrder,
				panelPackage, null);
	}

	public Money price() {
		return Money.of(priceMinor, currency);
	}

}
