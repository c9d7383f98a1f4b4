package org.hostwright.provisioning;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.hostwright.catalog.PlanFigures;
import org.hostwright.catalog.PlanStats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Active services per plan for the admin plan cards, in one grouped query. */
@Repository
class ServicePlanStats implements PlanStats {

	private final JdbcClient jdbc;

	ServicePlanStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, PlanFigures> figures(Collection<Long> planIds) {
		Map<Long, PlanFigures> result = new HashMap<>();
		if (planIds.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"SELECT plan_id, COUNT(*) AS active FROM services WHERE status = :active AND plan_id IN (:ids) GROUP BY plan_id")
			.param("active", ServiceStatus.ACTIVE.wire())
			.param("ids", planIds)
			.query(rs -> {
				result.put(rs.getLong("plan_id"), new PlanFigures(null, null, rs.getLong("active")));
			});
		return result;
	}

}
