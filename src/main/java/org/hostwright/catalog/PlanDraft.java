package org.hostwright.catalog;

import java.util.List;

/**
 * A plan as an admin submits it (API or form), before validation. Price in minor units;
 * the overdue days null for the billing settings, the reminder days as typed
 * ({@code -3,0,3,7}).
 */
record PlanDraft(String name, String description, List<String> features, Long priceCents, String currency,
		String billingPeriod, Boolean active, Integer sortOrder, String panelPackage, Integer renewalLeadDays,
		Integer suspendAfterDays, Integer terminateAfterDays, Integer terminationWarningDays, String reminderDays) {
}
