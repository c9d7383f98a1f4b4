package org.hostwright.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;

/**
 * Read access to the plans on sale: the catalog module's API for other modules. The
 * active plans (the storefront, {@code /plans}, {@code GET /api/plans}) are read once and
 * kept in memory; every node compares its copy with the {@code catalog_version} row at
 * most once per {@code recheck}, and each plan change bumps that row, so an edit reaches
 * every node within a second. Single plans (checkout, prices) and the admin list are
 * always read fresh.
 */
@Service
public class Catalog {

	/**
	 * The active plans as read at {@code version}; {@code checkedAt} is when the version
	 * row was last read.
	 */
	private record Snapshot(long version, List<Plan> active, long checkedAt) {
	}

	static final String COLUMNS = "id, slug, name, description, features, price_minor, currency, billing_period, active, sort_order, panel_package, renewal_lead_days";

	private final JdbcClient jdbc;

	private final ObjectProvider<PlanStats> stats;

	private final long recheckNanos;

	private volatile Snapshot snapshot;

	Catalog(JdbcClient jdbc, ObjectProvider<PlanStats> stats,
			@Value("${hostwright.catalog.recheck:1s}") Duration recheck) {
		this.jdbc = jdbc;
		this.stats = stats;
		this.recheckNanos = recheck.toNanos();
	}

	public Optional<Plan> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE id = ?").param(id).query(Catalog::plan).optional();
	}

	public Optional<Plan> findBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE slug = ?").param(slug).query(Catalog::plan).optional();
	}

	/** Active plans in storefront order; {@code limit} 0 means all. */
	public List<Plan> activePlans(int limit) {
		List<Plan> active = current().active();
		return limit > 0 && active.size() > limit ? active.subList(0, limit) : active;
	}

	/**
	 * Records that the plans changed: bumps the version every node compares with, and
	 * drops this node's copy once the transaction commits (so the next read, here, sees
	 * the change at once).
	 */
	void changed() {
		jdbc.sql("UPDATE catalog_version SET version = version + 1 WHERE id = 1").update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}
			});
		}
		snapshot = null;
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		long now = System.nanoTime();
		if (s != null && now - s.checkedAt() < recheckNanos) {
			return s;
		}
		long version = jdbc.sql("SELECT version FROM catalog_version WHERE id = 1")
			.query(Long.class)
			.optional()
			.orElse(0L);
		if (s != null && s.version() == version) {
			s = new Snapshot(version, s.active(), now);
		}
		else {
			// the version is read before the plans: a change committed in between is read
			// again next time
			s = new Snapshot(version,
					List.copyOf(
							jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE active = TRUE ORDER BY sort_order, id")
								.query(Catalog::plan)
								.list()),
					now);
		}
		snapshot = s;
		return s;
	}

	/**
	 * Plan id → the days before a due date its renewal invoice is made, for the plans
	 * that set their own (the others follow the billing setting). Read fresh: a billing
	 * run reads it once per batch.
	 */
	public Map<Long, Integer> renewalLeadDays() {
		Map<Long, Integer> days = new HashMap<>();
		jdbc.sql("SELECT id, renewal_lead_days FROM plans WHERE renewal_lead_days IS NOT NULL").query(rs -> {
			days.put(rs.getLong(1), rs.getInt(2));
		});
		return days;
	}

	/** Every plan, active or not, in storefront order (admins see them all). */
	public List<Plan> allPlans() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans ORDER BY sort_order, id").query(Catalog::plan).list();
	}

	/**
	 * The figures every module reports for these plans (orders, revenue, active
	 * services), merged.
	 */
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
				rs.getLong("price_minor"), rs.getString("currency"),
				BillingPeriod.valueOf(rs.getString("billing_period")), rs.getBoolean("active"), rs.getInt("sort_order"),
				rs.getString("panel_package"), rs.getObject("renewal_lead_days", Integer.class));
	}

}
