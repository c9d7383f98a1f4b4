package org.hostwright.catalog;

import java.util.List;

import org.hostwright.platform.Money;

/**
 * A hosting plan as sold on the storefront.
 *
 * @param renewalLeadDays days before a due date the plan's renewal invoices are made, or
 * null for the billing setting
 * @param overdueDays the plan's own days for unpaid renewals ({@link OverdueDays#NONE}:
 * the billing settings)
 */
public record Plan(long id, String slug, String name, String description, List<String> features, long priceMinor,
		String currency, BillingPeriod billingPeriod, boolean active, int sortOrder, String panelPackage,
		Integer renewalLeadDays, OverdueDays overdueDays) {

	/**
	 * What the billing automation does to an unpaid renewal of this plan, when the plan
	 * says so itself: the suspension, termination and warning days come together (all
	 * null: the billing settings); the reminder offsets from the due date
	 * ({@code -3,0,3,7}) on their own.
	 */
	public record OverdueDays(Integer suspendAfterDays, Integer terminateAfterDays, Integer terminationWarningDays,
			String reminderDays) {

		public static final OverdueDays NONE = new OverdueDays(null, null, null, null);

		/** Whether the plan sets the suspension, termination and warning days. */
		public boolean setsDays() {
			return suspendAfterDays != null && terminateAfterDays != null && terminationWarningDays != null;
		}

		public boolean setsReminders() {
			return reminderDays != null && !reminderDays.isBlank();
		}

		public boolean any() {
			return setsDays() || setsReminders();
		}

	}

	public Plan {
		overdueDays = overdueDays == null ? OverdueDays.NONE : overdueDays;
	}

	/** A plan that follows the billing settings for its renewals. */
	public Plan(long id, String slug, String name, String description, List<String> features, long priceMinor,
			String currency, BillingPeriod billingPeriod, boolean active, int sortOrder, String panelPackage) {
		this(id, slug, name, description, features, priceMinor, currency, billingPeriod, active, sortOrder,
				panelPackage, null, OverdueDays.NONE);
	}

	public Money price() {
		return Money.of(priceMinor, currency);
	}

}
