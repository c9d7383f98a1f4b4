package org.hostwright.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the plans on sale: the catalog module's API for other modules. */
@Service
public class Catalog {

	static final String COLUMNS = "id, slug, name, description, features, price_minor, currency, billing_period, active, sort_order, panel_package";

	private final JdbcClient jdbc;

	private final ObjectProvider<PlanStats> stats;

	Catalog(JdbcClient jdbc, ObjectProvider<PlanStats> stats) {
		this.jdbc = jdbc;
		this.stats = stats;
	}

	public Optional<Plan> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE id = ?").param(id).query(Catalog::plan).optional();
	}

	public Optional<Plan> findBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE slug = ?").param(slug).query(Catalog::plan).optional();
	}

	/** Active plans in storefront order; {@code limit} 0 means all. */
	public List<Plan> activePlans(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE active = TRUE ORDER BY sort_order, id"
				+ (limit > 0 ? " LIMIT " + limit : ""))
			.query(Catalog::plan)
			.list();
	}

	/** Every plan, active or not, in storefront order (admins see them all). */
	public List<Plan> allPlans() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans ORDER BY sort_order, id").query(Catalog::plan).list();
	}

	/** The figures every module reports for these plans (orders, revenue, active services), merged. */
	public Map<Long, PlanFigures> figures(Collection<Long> planIds) {
		Map<Long, PlanFigures> merged = new HashMap<>();
		if (planIds.isEmpty()) {
			return merged;
		}
		stats.orderedStream()
			.forEach(s -> s.figures(planIds).forEach((id, f) -> merged.merge(id, f, PlanFigures::merge)));
		return merged;
	}

	static Plan plan(ResultSet rs, int row) throws SQLException {
		String features = rs.getString("features");
		List<String> list = features == null || features.isBlank() ? List.of()
				: Arrays.stream(features.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new Plan(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"), list,
				rs.getLong("price_minor"), rs.getString("currency"), BillingPeriod.valueOf(rs.getString("billing_period")),
				rs.getBoolean("active"), rs.getInt("sort_order"), rs.getString("panel_package"));
	}

}
