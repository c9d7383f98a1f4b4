package org.hostwright.billing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The overdue rules in force, per plan: the billing settings, and for each group of plans
 * that set their own days (per plan overrides) those days in place of the settings'. Each
 * scope narrows a step's selections to its plans by the renewed subscription's
 * {@code plan_id}, so the preview and the run still read one query per scope and step;
 * invoices without a plan (agency renewals, one-offs, merged invoices) follow the
 * settings.
 */
@Component
class OverdueScopes {

	private static final Logger log = LoggerFactory.getLogger(OverdueScopes.class);

	/**
	 * One set of rules and the SQL condition (on {@code s}, the renewed subscription) of
	 * the invoices it governs; no condition: every invoice.
	 */
	record Scope(OverdueRules rules, String condition, Map<String, Object> params) {

		Scope {
			params = Map.copyOf(params);
		}

		OverdueStore.Selection narrow(OverdueStore.Selection selection) {
			if (condition == null) {
				return selection;
			}
			Map<String, Object> all = new HashMap<>(selection.params());
			all.putAll(params);
			return new OverdueStore.Selection(selection.kind(), selection.step(), selection.status(),
					"(" + selection.condition() + ") AND " + condition, all);
		}

	}

	private final SettingsStore settings;

	private final Catalog catalog;

	OverdueScopes(SettingsStore settings, Catalog catalog) {
		this.settings = settings;
		this.catalog = catalog;
	}

	/** The settings' scope first, then one per distinct set of plan rules. */
	List<Scope> current() {
		return scopes(settings.overdueRules(), catalog.overdueDays());
	}

	/** The settings alone (steps whose selection does not depend on the days). */
	List<Scope> settingsOnly() {
		return List.of(new Scope(settings.overdueRules(), null, Map.of()));
	}

	/** Plan id → its rules, for the plans whose rules differ from the settings. */
	Map<Long, OverdueRules> byPlan() {
		OverdueRules global = settings.overdueRules();
		Map<Long, OverdueRules> rules = new TreeMap<>();
		catalog.overdueDays().forEach((plan, days) -> {
			OverdueRules r = of(global, plan, days);
			if (!r.equals(global)) {
				rules.put(plan, r);
			}
		});
		return rules;
	}

	static List<Scope> scopes(OverdueRules global, Map<Long, Plan.OverdueDays> overrides) {
		Map<OverdueRules, List<Long>> groups = new LinkedHashMap<>();
		new TreeMap<>(overrides).forEach((plan, days) -> {
			OverdueRules r = of(global, plan, days);
			if (!r.equals(global)) {
				groups.computeIfAbsent(r, k -> new ArrayList<>()).add(plan);
			}
		});
		if (groups.isEmpty()) {
			return List.of(new Scope(global, null, Map.of()));
		}
		List<Long> overridden = groups.values().stream().flatMap(List::stream).toList();
		List<Scope> scopes = new ArrayList<>();
		scopes.add(new Scope(global, "(s.plan_id IS NULL OR s.plan_id NOT IN (:scopePlans))",
				Map.of("scopePlans", overridden)));
		int i = 0;
		for (Map.Entry<OverdueRules, List<Long>> group : groups.entrySet()) {
			scopes.add(new Scope(group.getKey(), "s.plan_id IN (:scopePlans" + i + ")",
					Map.of("scopePlans" + i, group.getValue())));
			i++;
		}
		return scopes;
	}

	/**
	 * The settings with the plan's own days in their place. Days that do not hold
	 * together (written past the plan form's checks) leave the plan on the settings.
	 */
	static OverdueRules of(OverdueRules global, long plan, Plan.OverdueDays days) {
		try {
			return new OverdueRules(
					days.setsReminders() ? OverdueRules.parseDays(days.reminderDays(), "reminder_days")
							: global.reminderDays(),
					days.setsDays() ? days.suspendAfterDays() : global.suspendAfterDays(),
					days.setsDays() ? days.terminateAfterDays() : global.terminateAfterDays(),
					days.setsDays() ? days.terminationWarningDays() : global.terminationWarningDays(),
					global.automation(), global.runAt(), global.lateFee());
		}
		catch (InvalidInputException ex) {
			log.warn("Plan {}: its overdue days do not hold together, the billing settings apply", plan);
			return global;
		}
	}

}
