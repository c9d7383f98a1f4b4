package org.hostwright.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which subscriptions are due for a renewal invoice on a date: those whose next due date
 * is within the lead days of the run's date, the plan's own lead days where the plan sets
 * them, the setting's otherwise. Renders itself as an SQL condition on
 * {@code billing_subscriptions s} with named parameters, so the batch stays one
 * statement.
 *
 * @param planLeadDays plan id → its lead days, for the plans that override the setting
 */
record RenewalWindow(LocalDate date, int leadDays, Map<Long, Integer> planLeadDays) {

	RenewalWindow {
		planLeadDays = Map.copyOf(planLeadDays);
	}

	/** The latest due date any subscription may have to be in the window. */
	LocalDate latest() {
		int most = planLeadDays.values().stream().mapToInt(Integer::intValue).max().orElse(leadDays);
		return date.plusDays(Math.max(most, leadDays));
	}

	String condition() {
		if (planLeadDays.isEmpty()) {
			return "s.next_due_date <= :horizon";
		}
		StringBuilder sql = new StringBuilder(
				"(((s.plan_id IS NULL OR s.plan_id NOT IN (:overridden)) AND s.next_due_date <= :horizon)");
		for (int i = 0; i < byDays().size(); i++) {
			sql.append(" OR (s.plan_id IN (:plans")
				.append(i)
				.append(") AND s.next_due_date <= :horizon")
				.append(i)
				.append(')');
		}
		return sql.append(')').toString();
	}

	Map<String, Object> params() {
		Map<String, Object> params = new TreeMap<>();
		params.put("horizon", Date.valueOf(date.plusDays(leadDays)));
		params.put("latest", Date.valueOf(latest()));
		if (!planLeadDays.isEmpty()) {
			params.put("overridden", new ArrayList<>(planLeadDays.keySet()));
			int i = 0;
			for (Map.Entry<Integer, List<Long>> e : byDays().entrySet()) {
				params.put("plans" + i, e.getValue());
				params.put("horizon" + i, Date.valueOf(date.plusDays(e.getKey())));
				i++;
			}
		}
		return params;
	}

	private Map<Integer, List<Long>> byDays() {
		Map<Integer, List<Long>> byDays = new TreeMap<>();
		planLeadDays.forEach((plan, days) -> byDays.computeIfAbsent(days, d -> new ArrayList<>()).add(plan));
		byDays.values().forEach(ids -> ids.sort(null));
		return byDays;
	}

}
