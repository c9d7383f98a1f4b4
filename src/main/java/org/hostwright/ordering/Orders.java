package org.hostwright.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.States;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordering module's API: place orders and move them through {@link OrderStatus}.
 * Every change locks the order row, is checked against the allowed transitions, and
 * writes a timeline entry in the same transaction; the move to paid publishes
 * {@link OrderPaid} in that transaction too.
 */
@Service
public class Orders {

	static final String COLUMNS = "id, uuid, customer_id, plan_id, plan_slug, plan_name, price_minor, currency, billing_period, phone, domain, status, payment_reference, created_at, paid_at";

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<OrderInvoicing> invoicing;

	Orders(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<OrderInvoicing> invoicing) {
		this.jdbc = jdbc;
		this.invoicing = invoicing;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	public Optional<OrderView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?").param(id).query(Orders::order).optional();
	}

	public Optional<OrderView> findByUuid(UUID uuid) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE uuid = ?")
			.param(uuid)
			.query(Orders::order)
			.optional();
	}

	/**
	 * The order when it belongs to the customer; otherwise not found (never "forbidden").
	 */
	public OrderView requireOwned(UUID uuid, long customerId) {
		return findByUuid(uuid).filter(o -> o.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("order"));
	}

	public List<OrderView> ofCustomer(long customerId, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT "
					+ Math.max(1, Math.min(limit, 500)))
			.param(customerId)
			.query(Orders::order)
			.list();
	}

	public List<TimelineEntry> timeline(long orderId) {
		return jdbc
			.sql("SELECT occurred_at, from_status, to_status, cause FROM order_events WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query((rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(),
					rs.getString(2) == null ? null : States.fromColumn(OrderStatus.class, rs.getString(2)),
					States.fromColumn(OrderStatus.class, rs.getString(3)), rs.getString(4)))
			.list();
	}

	/**
	 * Creates a pending order with the plan's current price and currency copied onto it.
	 */
	@Transactional
	public OrderView place(PlaceOrder command) {
		Plan plan = catalog.find(command.planId())
			.filter(Plan::active)
			.orElseThrow(
					() -> new InvalidInputException("plan", "ordering.plan.unavailable", "This plan is not on sale."));
		Instant now = Instant.now(clock);
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
		long id = keys.getKey().longValue();
		recordEvent(id, null, OrderStatus.PENDING, command.cause() == null ? "order placed" : command.cause(), now);
		OrderView order = find(id).orElseThrow();
		invoicing.ifAvailable(i -> i.invoice(order));
		return order;
	}

	/**
	 * Marks the order paid (idempotent: an order already paid or active is left as it is
	 * and false is returned) and publishes {@link OrderPaid}.
	 */
	@Transactional
	public boolean markPaid(long orderId, String paymentReference, String cause) {
		OrderView order = lock(orderId);
		if (order.status().paid()) {
			return false;
		}
		move(order, OrderStatus.PAID, cause);
		jdbc.sql("UPDATE orders SET payment_reference = ?, paid_at = ? WHERE id = ?")
			.params(paymentReference, Timestamp.from(Instant.now(clock)), orderId)
			.update();
		events.publishEvent(new OrderPaid(order.id(), order.uuid(), order.customerId(), order.planId()));
		return true;
	}

	/** Marks a paid order active (its service is provisioned); idempotent. */
	@Transactional
	public boolean markActive(long orderId, String cause) {
		OrderView order = lock(orderId);
		if (order.status() == OrderStatus.ACTIVE) {
			return false;
		}
		move(order, OrderStatus.ACTIVE, cause);
		return true;
	}

	/** Marks a pending order failed (its payment failed); idempotent. */
	@Transactional
	public boolean markFailed(long orderId, String cause) {
		OrderView order = lock(orderId);
		if (order.status() == OrderStatus.FAILED) {
			return false;
		}
		move(order, OrderStatus.FAILED, cause);
		return true;
	}

	@Transactional
	public void cancel(long orderId, String cause) {
		OrderView order = lock(orderId);
		if (order.status() != OrderStatus.CANCELLED) {
			move(order, OrderStatus.CANCELLED, cause);
		}
	}

	/**
	 * The customer cancels an unpaid order: the order and its invoice (which keeps its
	 * number) in one transaction.
	 * @throws ConflictException when the order is paid or already cancelled
	 */
	@Transactional
	public OrderView cancelUnpaid(long orderId, String cause) {
		OrderView order = lock(orderId);
		if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
			throw new ConflictException("ordering.cancel.notPossible", "Only an unpaid order can be cancelled.");
		}
		move(order, OrderStatus.CANCELLED, cause);
		invoicing.ifAvailable(i -> i.orderCancelled(orderId));
		return find(orderId).orElseThrow();
	}

	private OrderView lock(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE")
			.param(orderId)
			.query(Orders::order)
			.optional()
			.orElseThrow(() -> new NotFoundException("order"));
	}

	private void move(OrderView order, OrderStatus target, String cause) {
		order.status().checkMoveTo(target);
		Instant now = Instant.now(clock);
		jdbc.sql("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?")
			.params(target.wire(), Timestamp.from(now), order.id())
			.update();
		recordEvent(order.id(), order.status(), target, cause, now);
	}

	private void recordEvent(long orderId, OrderStatus from, OrderStatus to, String cause, Instant at) {
		jdbc.sql(
				"INSERT INTO order_events (order_id, occurred_at, from_status, to_status, cause) VALUES (?, ?, ?, ?, ?)")
			.params(orderId, Timestamp.from(at), from == null ? null : from.wire(), to.wire(),
					cause.length() > 500 ? cause.substring(0, 500) : cause)
			.update();
	}

	/**
	 * Corrects an order's phone (E.164) and domain (admin edit); the change is on the
	 * timeline's record via audit.
	 */
	@Transactional
	public OrderView updateContact(long orderId, String phone, String domain) {
		lock(orderId);
		jdbc.sql("UPDATE orders SET phone = ?, domain = ?, updated_at = ? WHERE id = ?")
			.params(phone, domain, Timestamp.from(Instant.now(clock)), orderId)
			.update();
		return find(orderId).orElseThrow();
	}

	/**
	 * Deletes an order that was never paid (admin clean-up); a paid order keeps its
	 * history forever.
	 * @throws ConflictException when money was received for it
	 */
	@Transactional
	public void deleteNeverPaid(long orderId) {
		OrderView order = lock(orderId);
		if (order.paidAt() != null || order.status().paid()) {
			throw new ConflictException("ordering.delete.paid", "An order that was paid cannot be deleted.");
		}
		invoicing.ifAvailable(i -> i.orderDeleted(orderId));
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
