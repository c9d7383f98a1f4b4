package org.hostwright.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code plans} table and the {@code catalog_version} row every node compares its
 * cached copy of the active plans with.
 */
@Repository
class PlanRepository {

	private static final String COLUMNS = "id, slug, name, description, features, price_minor, currency, billing_period, active, sort_order, panel_package, renewal_lead_days, "
			+ "suspend_after_days, terminate_after_days, termination_warning_days, reminder_days";

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Plan> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE id = ?")
			.param(id)
			.query(PlanRepository::plan)
			.optional();
	}

	Optional<Plan> findBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE slug = ?")
			.param(slug)
			.query(PlanRepository::plan)
			.optional();
	}

	/** Active plans in storefront order. */
	List<Plan> active() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans WHERE active = TRUE ORDER BY sort_order, id")
			.query(PlanRepository::plan)
			.list();
	}

	/** Every plan, active or not, in storefront order. */
	List<Plan> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM plans ORDER BY sort_order, id").query(PlanRepository::plan).list();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM plans").query(Long.class).single();
	}

	long version() {
		return jdbc.sql("SELECT version FROM catalog_version WHERE id = 1").query(Long.class).optional().orElse(0L);
	}

	/** Plan id → its own renewal lead days, for the plans that set them. */
	java.util.Map<Long, Integer> renewalLeadDays() {
		java.util.Map<Long, Integer> days = new java.util.HashMap<>();
		jdbc.sql("SELECT id, renewal_lead_days FROM plans WHERE renewal_lead_days IS NOT NULL").query(rs -> {
			days.put(rs.getLong(1), rs.getInt(2));
		});
		return days;
	}

	/** Plan id → its own overdue days, for the plans that set any. */
	java.util.Map<Long, Plan.OverdueDays> overdueDays() {
		java.util.Map<Long, Plan.OverdueDays> days = new java.util.HashMap<>();
		jdbc.sql("SELECT id, suspend_after_days, terminate_after_days, termination_warning_days, reminder_days "
				+ "FROM plans WHERE suspend_after_days IS NOT NULL OR reminder_days IS NOT NULL")
			.query(rs -> {
				days.put(rs.getLong(1), overdue(rs));
			});
		return days;
	}

	private static Plan.OverdueDays overdue(ResultSet rs) throws SQLException {
		return new Plan.OverdueDays(rs.getObject("suspend_after_days", Integer.class),
				rs.getObject("terminate_after_days", Integer.class),
				rs.getObject("termination_warning_days", Integer.class), rs.getString("reminder_days"));
	}

	void bumpVersion() {
		jdbc.sql("UPDATE catalog_version SET version = version + 1 WHERE id = 1").update();
	}

	/** The validated columns of a plan being written. */
	record Columns(String name, String description, String features, long price, String currency, String period,
			boolean active, int sort, String pkg, Integer leadDays, Plan.OverdueDays overdue) {
	}

	/** Writes a new plan and returns its id. */
	long insert(String slug, Columns c, Timestamp now) {
		var keys = new GeneratedKeyHolder();
		bind(jdbc.sql("""
				INSERT INTO plans (slug, name, description, features, price_minor, currency, billing_period, active,
				  sort_order, panel_package, renewal_lead_days, suspend_after_days, terminate_after_days,
				  termination_warning_days, reminder_days, created_at, updated_at)
				VALUES (:slug, :name, :description, :features, :price, :currency, :period, :active, :sort, :pkg, :lead,
				  :suspend, :terminate, :warning, :reminders, :now, :now)"""), c).param("slug", slug)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, Columns c, Timestamp now) {
		bind(jdbc
			.sql("""
					UPDATE plans SET name = :name, description = :description, features = :features, price_minor = :price,
					  currency = :currency, billing_period = :period, active = :active, sort_order = :sort, panel_package = :pkg,
					  renewal_lead_days = :lead, suspend_after_days = :suspend, terminate_after_days = :terminate,
					  termination_warning_days = :warning, reminder_days = :reminders, updated_at = :now WHERE id = :id"""),
				c)
			.param("now", now)
			.param("id", id)
			.update();
	}

	void setActive(long id, boolean active, Timestamp now) {
		jdbc.sql("UPDATE plans SET active = ?, updated_at = ? WHERE id = ?").params(active, now, id).update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM plans WHERE id = ?").param(id).update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Columns c) {
		return spec.param("name", c.name())
			.param("description", c.description())
			.param("features", c.features())
			.param("price", c.price())
			.param("currency", c.currency())
			.param("period", c.period())
			.param("active", c.active())
			.param("sort", c.sort())
			.param("pkg", c.pkg())
			.param("lead", c.leadDays())
			.param("suspend", c.overdue().suspendAfterDays())
			.param("terminate", c.overdue().terminateAfterDays())
			.param("warning", c.overdue().terminationWarningDays())
			.param("reminders", c.overdue().reminderDays());
	}

	static Plan plan(ResultSet rs, int row) throws SQLException {
		String features = rs.getString("features");
		List<String> list = features == null || features.isBlank() ? List.of()
				: Arrays.stream(features.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new Plan(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"), list,
				rs.getLong("price_minor"), rs.getString("currency"),
				BillingPeriod.valueOf(rs.getString("billing_period")), rs.getBoolean("active"), rs.getInt("sort_order"),
				rs.getString("panel_package"), rs.getObject("renewal_lead_days", Integer.class), overdue(rs));
	}

}
