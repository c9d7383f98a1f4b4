package org.hostwright.ordering;

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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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

	private final OrderRepository repository;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<OrderInvoicing> invoicing;

	Orders(OrderRepository repository, Catalog catalog, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<OrderInvoicing> invoicing) {
		this.repository = repository;
		this.invoicing = invoicing;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	public Optional<OrderView> find(long id) {
		return repository.find(id);
	}

	public Optional<OrderView> findByUuid(UUID uuid) {
		return repository.findByUuid(uuid);
	}

	/**
	 * The order when it belongs to the customer; otherwise not found (never "forbidden").
	 */
	public OrderView requireOwned(UUID uuid, long customerId) {
		return findByUuid(uuid).filter(o -> o.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("order"));
	}

	public List<OrderView> ofCustomer(long customerId, int limit) {
		return repository.ofCustomer(customerId, Math.max(1, Math.min(limit, 500)));
	}

	public List<TimelineEntry> timeline(long orderId) {
		return repository.timeline(orderId);
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
		long id = repository.insert(command, plan, now);
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
		repository.recordPayment(orderId, paymentReference, Instant.now(clock));
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
		return repository.lock(orderId).orElseThrow(() -> new NotFoundException("order"));
	}

	private void move(OrderView order, OrderStatus target, String cause) {
		order.status().checkMoveTo(target);
		Instant now = Instant.now(clock);
		repository.setStatus(order.id(), target, now);
		recordEvent(order.id(), order.status(), target, cause, now);
	}

	private void recordEvent(long orderId, OrderStatus from, OrderStatus to, String cause, Instant at) {
		repository.insertEvent(orderId, from, to, cause.length() > 500 ? cause.substring(0, 500) : cause, at);
	}

	/**
	 * Corrects an order's phone (E.164) and domain (admin edit); the change is on the
	 * timeline's record via audit.
	 */
	@Transactional
	public OrderView updateContact(long orderId, String phone, String domain) {
		lock(orderId);
		repository.updateContact(orderId, phone, domain, Instant.now(clock));
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
		repository.delete(orderId);
	}

}
