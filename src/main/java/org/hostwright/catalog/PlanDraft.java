package org.hostwright.catalog;

import java.util.List;

/**
 * A plan as an admin submits it (API or form), before validation. Price in minor units.
 */
record PlanDraft(String name, String description, List<String> features, Long priceCents, String currency,
		String billingPeriod, Boolean active, Integer sortOrder, String panelPackage, Integer renewalLeadDays) {
}
