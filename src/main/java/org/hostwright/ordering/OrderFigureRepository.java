package org.hostwright.ordering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link OrderFigures} in SQL: each query one narrow index range of the orders table (see
 * V6_1), never a scan of every order.
 */
@Repository
class OrderFigureRepository implements OrderFigures {

	private final JdbcClient jdbc;

	OrderFigureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long countCreatedSince(Instant from) {
		return jdbc.sql("SELECT COUNT(*) FROM orders WHERE created_at >= ?")
			.param(Timestamp.from(from))
			.query(Long.class)
			.single();
	}

	@Override
	public long countCreatedBefore(Instant before) {
		return jdbc.sql("SELECT COUNT(*) FROM orders WHERE created_at < ?")
			.param(Timestamp.from(before))
			.query(Long.class)
			.single();
	}

	@Override
	public long countWithStatus(OrderStatus status) {
		return jdbc.sql("SELECT COUNT(*) FROM orders WHERE status = ?").param(status.wire()).query(Long.class).single();
	}

	@Override
	public Map<String, Long> revenueSince(Instant from) {
		return revenue("SELECT currency, SUM(price_minor) FROM orders WHERE paid_at >= ? GROUP BY currency", from);
	}

	@Override
	public Map<String, Long> revenueBefore(Instant before) {
		return revenue(
				"SELECT currency, SUM(price_minor) FROM orders WHERE paid_at IS NOT NULL AND paid_at < ? GROUP BY currency",
				before);
	}

	@Override
	public Map<Long, Long> paidPerPlanSince(Instant from) {
		return perPlan("SELECT plan_id, COUNT(*) FROM orders WHERE paid_at >= ? GROUP BY plan_id", from);
	}

	@Override
	public Map<Long, Long> paidPerPlanBefore(Instant before) {
		return perPlan(
				"SELECT plan_id, COUNT(*) FROM orders WHERE paid_at IS NOT NULL AND paid_at < ? GROUP BY plan_id",
				before);
	}

	@Override
	public void eachCreatedSince(Instant from, Consumer<Instant> each) {
		jdbc.sql("SELECT created_at FROM orders WHERE created_at >= ?")
			.param(Timestamp.from(from))
			.query((RowCallbackHandler) rs -> each.accept(rs.getTimestamp(1).toInstant()));
	}

	@Override
	public void eachPaidSince(Instant from, String currency, ObjLongConsumer<Instant> each) {
		jdbc.sql("SELECT paid_at, price_minor FROM orders WHERE paid_at >= ? AND currency = ?")
			.params(Timestamp.from(from), currency)
			.query((RowCallbackHandler) rs -> each.accept(rs.getTimestamp(1).toInstant(), rs.getLong(2)));
	}

	private Map<String, Long> revenue(String sql, Instant at) {
		Map<String, Long> revenue = new HashMap<>();
		jdbc.sql(sql)
			.param(Timestamp.from(at))
			.query((rs, n) -> revenue.merge(rs.getString(1), rs.getLong(2), Long::sum))
			.list();
		return revenue;
	}

	private Map<Long, Long> perPlan(String sql, Instant at) {
		Map<Long, Long> perPlan = new HashMap<>();
		jdbc.sql(sql)
			.param(Timestamp.from(at))
			.query((rs, n) -> perPlan.merge(rs.getLong(1), rs.getLong(2), Long::sum))
			.list();
		return perPlan;
	}

}
