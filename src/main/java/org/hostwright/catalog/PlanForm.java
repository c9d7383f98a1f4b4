package org.hostwright.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.hostwright.platform.InvalidInputException;

/**
 * The admin plan form: the price is typed in major units ("15000" shillings), features
 * one per line; the overdue days empty for the billing settings.
 */
record PlanForm(String name, String description, String features, String price, String currency, String billingPeriod,
		String active, String sortOrder, String panelPackage, String renewalLeadDays, String suspendAfterDays,
		String terminateAfterDays, String terminationWarningDays, String reminderDays) {

	static PlanForm empty(String currency, String panelPackage) {
		return new PlanForm("", "", "", "", currency, "monthly", "true", "0", panelPackage, "", "", "", "", "");
	}

	static PlanForm of(Plan p) {
		int digits = Math.max(0, Currency.getInstance(p.currency()).getDefaultFractionDigits());
		String price = BigDecimal.valueOf(p.priceMinor()).movePointLeft(digits).stripTrailingZeros().toPlainString();
		return new PlanForm(p.name(), p.description(), String.join("\n", p.features()), price, p.currency(),
				p.billingPeriod().name().toLowerCase(Locale.ROOT), String.valueOf(p.active()),
				String.valueOf(p.sortOrder()), p.panelPackage(), text(p.renewalLeadDays()),
				text(p.overdueDays().suspendAfterDays()), text(p.overdueDays().terminateAfterDays()),
				text(p.overdueDays().terminationWarningDays()),
				p.overdueDays().reminderDays() == null ? "" : p.overdueDays().reminderDays());
	}

	private static String text(Integer value) {
		return value == null ? "" : String.valueOf(value);
	}

	PlanDraft draft() {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		Integer suspend = days(suspendAfterDays, "suspendAfterDays", problems);
		Integer terminate = days(terminateAfterDays, "terminateAfterDays", problems);
		Integer warning = days(terminationWarningDays, "terminationWarningDays", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PlanDraft(name, description, features == null ? null : Arrays.asList(features.split("\\R")), cents(),
				currency, billingPeriod, isActive(), sort(), panelPackage, leadDays(), suspend, terminate, warning,
				reminderDays);
	}

	/** Blank: the billing settings; anything but a whole number is the field's error. */
	private static Integer days(String raw, String field, List<InvalidInputException.FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(raw.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidInputException.FieldProblem(field, "catalog.plan.overdueDays.invalid",
					"Enter a whole number of days, or leave it empty."));
			return null;
		}
	}

	/**
	 * The checkbox is read here rather than bound as a Boolean: a value that does not
	 * bind would leave the whole form unbound, and the page could not show it again.
	 */
	boolean isActive() {
		return active != null && ("true".equalsIgnoreCase(active.strip()) || "on".equalsIgnoreCase(active.strip()));
	}

	/** Blank: the plan follows the billing setting. */
	private Integer leadDays() {
		if (renewalLeadDays == null || renewalLeadDays.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(renewalLeadDays.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("renewalLeadDays", "catalog.plan.leadDays.invalid",
					"Enter a number of days between 0 and 365, or leave it empty.");
		}
	}

	private Integer sort() {
		if (sortOrder == null || sortOrder.isBlank()) {
			return 0;
		}
		try {
			return Integer.valueOf(sortOrder.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("sortOrder", "catalog.plan.sort.invalid", "Enter a whole number.");
		}
	}

	private Long cents() {
		String raw = price == null ? "" : price.replaceAll("[\\s,_]", "");
		if (raw.isEmpty()) {
			return null;
		}
		try {
			int digits = 2;
			try {
				digits = Math.max(0,
						Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
			}
			catch (RuntimeException ex) {
				// the currency field reports its own error; read the price with two
				// decimals meanwhile
			}
			return new BigDecimal(raw).movePointRight(digits).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw new InvalidInputException("price", "catalog.plan.price.invalid", "Enter a price of zero or more.");
		}
	}

}
