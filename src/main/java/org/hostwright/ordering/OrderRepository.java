package org.hostwright.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hostwright.catalog.Plan;
import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code orders} table and its timeline, {@code order_events}. Statuses are written
 * only as {@link Orders} moves them, checked against {@link OrderStatus}.
 */
@Repository
class OrderRepository {

	private static final String COLUMNS = "id, uuid, customer_id, plan_id, plan_slug, plan_name, price_minor, currency, billing_period, phone, domain, status, payment_reference, created_at, paid_at";

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OrderView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?")
			.param(id)
			.query(OrderRepository::order)
			.optional();
	}

	Optional<OrderView> findByUuid(UUID uuid) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE uuid = ?")
			.param(uuid)
			.query(OrderRepository::order)
			.optional();
	}

	/** The order, its row locked until the transaction ends. */
	Optional<OrderView> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE")
			.param(id)
			.query(OrderRepository::order)
			.optional();
	}

	/** Newest first, at most {@code limit}. */
	List<OrderView> ofCustomer(long customerId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT "
					+ limit)
			.param(customerId)
			.query(OrderRepository::order)
			.list();
	}

	List<TimelineEntry> timeline(long orderId) {
		return jdbc
			.sql("SELECT occurred_at, from_status, to_status, cause FROM order_events WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(),
					rs.getString(2) == null ? null : States.fromColumn(OrderStatus.class, rs.getString(2)),
					States.fromColumn(OrderStatus.class, rs.getString(3)), rs.getString(4)))
			.list();
	}

	/**
	 * A pending order with the plan's current price and currency copied onto it.
	 * @return the new order's id
	 */
	long insert(PlaceOrder command, Plan plan, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO orders (uuid, customer_id, plan_id, plan_slug, plan_name, price_minor, currency, billing_period,
						  phone, domain, status, created_at, updated_at)
						VALUES (:uuid, :customer, :plan, :slug, :name, :price, :currency, :period, :phone, :domain, :status, :now, :now)""")
			.param("uuid", UUID.randomUUID())
			.param("customer", command.customerId())
			.param("plan", plan.id())
			.param("slug", plan.slug())
			.param("name", plan.name())
			.param("price", plan.priceMinor())
			.param("currency", plan.currency())
			.param("period", plan.billingPeriod().name())
			.param("phone", command.phone())
			.param("domain", command.domain())
			.param("status", OrderStatus.PENDING.wire())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void recordPayment(long orderId, String paymentReference, Instant paidAt) {
		jdbc.sql("UPDATE orders SET payment_reference = ?, paid_at = ? WHERE id = ?")
			.params(paymentReference, Timestamp.from(paidAt), orderId)
			.update();
	}

	/** Writes a status the caller has checked with {@link OrderStatus#checkMoveTo}. */
	void setStatus(long orderId, OrderStatus target, Instant at) {
		jdbc.sql("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?")
			.params(target.wire(), Timestamp.from(at), orderId)
			.update();
	}

	void insertEvent(long orderId, OrderStatus from, OrderStatus to, String cause, Instant at) {
		jdbc.sql(
				"INSERT INTO order_events (order_id, occurred_at, from_status, to_status, cause) VALUES (?, ?, ?, ?, ?)")
			.params(orderId, Timestamp.from(at), from == null ? null : from.wire(), to.wire(), cause)
			.update();
	}

	void updateContact(long orderId, String phone, String domain, Instant at) {
		jdbc.sql("UPDATE orders SET phone = ?, domain = ?, updated_at = ? WHERE id = ?")
			.params(phone, domain, Timestamp.from(at), orderId)
			.update();
	}

	/** Deletes the order with its timeline. */
	void delete(long orderId) {
		jdbc.sql("DELETE FROM order_events WHERE order_id = ?").param(orderId).update();
		jdbc.sql("DELETE FROM orders WHERE id = ?").param(orderId).update();
	}

	static OrderView order(ResultSet rs, int row) throws SQLException {
		Timestamp paid = rs.getTimestamp("paid_at");
		return new OrderView(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getLong("customer_id"),
				rs.getLong("plan_id"), rs.getString("plan_slug"), rs.getString("plan_name"), rs.getLong("price_minor"),
				rs.getString("currency"), rs.getString("billing_period"), rs.getString("phone"), rs.getString("domain"),
				States.fromColumn(OrderStatus.class, rs.getString("status")), rs.getString("payment_reference"),
				rs.getTimestamp("created_at").toInstant(), paid == null ? null : paid.toInstant());
	}

}
