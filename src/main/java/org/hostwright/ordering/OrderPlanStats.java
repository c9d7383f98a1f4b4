package org.hostwright.ordering;

import org.hostwright.platform.Sums;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.catalog.PlanFigures;
import org.hostwright.catalog.PlanStats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders per plan and the revenue of the paid ones (in the plan's currency), in one
 * grouped query.
 */
@Repository
class OrderPlanStats implements PlanStats {

	private final JdbcClient jdbc;

	OrderPlanStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, PlanFigures> figures(Collection<Long> planIds) {
		Map<Long, PlanFigures> result = new HashMap<>();
		jdbc.sql(
				"""
						SELECT o.plan_id, COUNT(*) AS orders,
						  SUM(CASE WHEN o.status IN (:paid) AND o.currency = p.currency THEN o.price_minor ELSE 0 END) AS revenue
						FROM orders o JOIN plans p ON p.id = o.plan_id
						WHERE o.plan_id IN (:ids) GROUP BY o.plan_id""")
			.param("ids", planIds)
			.param("paid", List.of(OrderStatus.PAID.wire(), OrderStatus.ACTIVE.wire()))
			.query(rs -> {
				result.put(rs.getLong("plan_id"),
						new PlanFigures(rs.getLong("orders"), Sums.column(rs, "revenue"), null));
			});
		return result;
	}

}
