package org.hostwright.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.Money;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.hostwright.platform.Slugs;
import org.hostwright.platform.States;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin changes to plans: validated as a whole (every bad field reported at once),
 * audited, and a plan that orders use is never deleted (it can be deactivated instead).
 * The slug is made from the name once, at creation, because orders and panel packages
 * refer to it.
 */
@Service
class PlanEditor {

	private final PlanRepository plans;

	private final Catalog catalog;

	private final AuditLog audit;

	private final Clock clock;

	private final String defaultPanelPackage;

	PlanEditor(PlanRepository plans, Catalog catalog, AuditLog audit, Clock clock, CatalogProperties properties) {
		String defaultPanelPackage = properties.defaultPanelPackage();
		this.plans = plans;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
		this.defaultPanelPackage = defaultPanelPackage;
	}

	String defaultPanelPackage() {
		return defaultPanelPackage;
	}

	@Transactional
	Plan create(PlanDraft draft) {
		PlanRepository.Columns v = validate(draft);
		long id = plans.insert(uniqueSlug(v.name()), v, Timestamp.from(Instant.now(clock)));
		catalog.changed();
		audit.record("plan.created", "plan", id, v.name());
		return catalog.find(id).orElseThrow();
	}

	@Transactional
	Plan update(long id, PlanDraft draft) {
		Plan before = catalog.find(id).orElseThrow(() -> new NotFoundException("plan"));
		PlanRepository.Columns v = validate(draft);
		plans.update(id, v, Timestamp.from(Instant.now(clock)));
		catalog.changed();
		audit.record("plan.updated", "plan", id, before.name()
				+ (before.priceMinor() != v.price() ? " (price " + Money.plain(before.priceMinor(), before.currency())
						+ " → " + Money.plain(v.price(), v.currency()) + ")" : ""));
		return catalog.find(id).orElseThrow();
	}

	@Transactional
	Plan setActive(long id, boolean active) {
		Plan plan = catalog.find(id).orElseThrow(() -> new NotFoundException("plan"));
		plans.setActive(id, active, Timestamp.from(Instant.now(clock)));
		catalog.changed();
		audit.record(active ? "plan.activated" : "plan.deactivated", "plan", id, plan.name());
		return catalog.find(id).orElseThrow();
	}

	/**
	 * Deletes a plan no order uses; otherwise refuses with a 409 (deactivate it instead).
	 */
	@Transactional
	void delete(long id) {
		Plan plan = catalog.find(id).orElseThrow(() -> new NotFoundException("plan"));
		if (catalog.figures(List.of(id)).getOrDefault(id, PlanFigures.NONE).ordersOrZero() > 0) {
			throw inUse();
		}
		try {
			plans.delete(id);
		}
		catch (DataIntegrityViolationException ex) {
			// an order placed meanwhile, or a module that references plans without
			// reporting figures
			throw inUse();
		}
		catalog.changed();
		audit.record("plan.deleted", "plan", id, plan.name());
	}

	private static ConflictException inUse() {
		return new ConflictException("catalog.plan.inUse",
				"Orders use this plan, so it cannot be deleted: deactivate it instead.");
	}

	private String uniqueSlug(String name) {
		String base = Slugs.of(name, 70, "plan");
		String slug = base;
		for (int n = 2; catalog.findBySlug(slug).isPresent(); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private PlanRepository.Columns validate(PlanDraft d) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = d.name() == null ? "" : d.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "catalog.plan.name.required", "Enter the plan's name."));
		}
		else if (name.length() > 120) {
			problems.add(new FieldProblem("name", "catalog.plan.name.tooLong", "Use at most 120 characters."));
		}
		String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
		if (description != null && description.length() > 2000) {
			problems.add(new FieldProblem("description", "catalog.plan.description.tooLong",
					"Use at most 2000 characters."));
		}
		List<String> features = d.features() == null ? List.of()
				: d.features()
					.stream()
					.filter(f -> f != null && !f.isBlank())
					.map(f -> f.strip().replaceAll("\\s+", " "))
					.toList();
		if (features.size() > 30 || features.stream().anyMatch(f -> f.length() > 200)) {
			problems.add(new FieldProblem("features", "catalog.plan.features.tooMany",
					"Use at most 30 features of 200 characters each."));
		}
		if (d.priceCents() == null || d.priceCents() < 0
				|| d.priceCents() > org.hostwright.platform.Money.MAX_ENTERED_MINOR) {
			problems
				.add(new FieldProblem("priceCents", "catalog.plan.price.invalid", "Enter a price of zero or more."));
		}
		String currency = d.currency() == null ? "" : d.currency().strip().toUpperCase(Locale.ROOT);
		if (!validCurrency(currency)) {
			problems.add(new FieldProblem("currency", "catalog.plan.currency.invalid",
					"Enter an ISO currency code such as TZS or EUR."));
		}
		BillingPeriod period = period(d.billingPeriod());
		if (period == null) {
			problems.add(new FieldProblem("billingPeriod", "catalog.plan.period.invalid",
					"Choose monthly, quarterly or annual."));
		}
		String pkg = d.panelPackage() == null || d.panelPackage().isBlank() ? defaultPanelPackage
				: d.panelPackage().strip();
		if (pkg.length() > 120) {
			problems
				.add(new FieldProblem("panelPackage", "catalog.plan.package.tooLong", "Use at most 120 characters."));
		}
		int sort = d.sortOrder() == null ? 0 : d.sortOrder();
		if (sort < -100_000 || sort > 100_000) {
			problems.add(new FieldProblem("sortOrder", "catalog.plan.sort.invalid",
					"Enter a number between -100000 and 100000."));
		}
		if (d.renewalLeadDays() != null && (d.renewalLeadDays() < 0 || d.renewalLeadDays() > 365)) {
			problems.add(new FieldProblem("renewalLeadDays", "catalog.plan.leadDays.invalid",
					"Enter a number of days between 0 and 365, or leave it empty."));
		}
		Plan.OverdueDays overdue = PlanOverdueDays.validate(d, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PlanRepository.Columns(name, description, String.join("\n", features), d.priceCents(), currency,
				period.name(), d.active() == null || d.active(), sort, pkg, d.renewalLeadDays(), overdue);
	}

	static BillingPeriod period(String raw) {
		return States.parse(BillingPeriod.class, raw).orElse(null);
	}

	private static boolean validCurrency(String code) {
		if (!code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
