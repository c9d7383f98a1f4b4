package org.hostwright.catalog;

import java.util.List;

import org.hostwright.platform.Money;

/** A hosting plan as sold on the storefront. */
public record Plan(long id, String slug, String name, String description, List<String> features, long priceMinor,
		String currency, BillingPeriod billingPeriod, boolean active, int sortOrder, String panelPackage) {

	public Money price() {
		return Money.of(priceMinor, currency);
	}

}
