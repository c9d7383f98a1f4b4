package org.hostwright.catalog;

import org.springframework.stereotype.Component;

/**
 * A plan's name for pages that only hold its id ({@code @planNames.of(id, slug)} in
 * templates): customers see "Hollyn Boost", not {@code hollyn-boost}. Active plans come
 * from the catalog's in-memory copy, so a list of services costs no query per row; a
 * retired plan is read by its id.
 */
@Component("planNames")
class PlanNames {

	private final Catalog catalog;

	PlanNames(Catalog catalog) {
		this.catalog = catalog;
	}

	/** The plan's name, or {@code fallback} when the plan no longer exists. */
	public String of(long planId, String fallback) {
		return catalog.activePlans(0)
			.stream()
			.filter(p -> p.id() == planId)
			.findFirst()
			.or(() -> catalog.find(planId))
			.map(Plan::name)
			.orElse(fallback);
	}

}
