package org.hostwright.ordering;

import java.util.UUID;

import org.hostwright.platform.ConflictException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * A customer gives up on an unpaid order (a declined payment need not be a dead end that
 * stays "failed" for ever). Never under a payment request the customer may still confirm
 * on the phone: the money would arrive for a cancelled order.
 */
@Service
public class OrderCancellation {

	static final String CAUSE = "cancelled-by-customer";

	private final Orders orders;

	private final ObjectProvider<OrderPayments> payments;

	OrderCancellation(Orders orders, ObjectProvider<OrderPayments> payments) {
		this.orders = orders;
		this.payments = payments;
	}

	/**
	 * Cancels the customer's unpaid order and its invoice.
	 * @throws org.hostwright.platform.NotFoundException when the order is not the
	 * customer's
	 * @throws ConflictException when it is paid or cancelled, or a payment request is
	 * still waiting
	 */
	public OrderView cancel(UUID orderUuid, long customerId) {
		OrderView order = orders.requireOwned(orderUuid, customerId);
		if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
			throw new ConflictException("ordering.cancel.notPossible", "Only an unpaid order can be cancelled.");
		}
		OrderPayments p = payments.getIfAvailable();
		if (p != null && p.awaitingAnswer(order.id())) {
			throw new ConflictException("ordering.cancel.paymentWaiting",
					"A payment request is still waiting on your phone: decline it there or wait until it expires.");
		}
		return orders.cancelUnpaid(order.id(), CAUSE);
	}

}
