package org.hostwright.payments;

import java.util.List;

import org.hostwright.ordering.OrderPayments;
import org.hostwright.ordering.PaymentEventView;
import org.hostwright.ordering.PaymentSummary;

import org.springframework.stereotype.Component;

/** Shows an order's payments on the ordering module's pages and API. */
@Component
class OrderPaymentsAdapter implements OrderPayments {

	private final PaymentAttempts attempts;

	private final PaymentEventLog events;

	private final Payments payments;

	OrderPaymentsAdapter(PaymentAttempts attempts, PaymentEventLog events, Payments payments) {
		this.attempts = attempts;
		this.events = events;
		this.payments = payments;
	}

	@Override
	public boolean awaitingAnswer(long orderId) {
		return payments.awaitingAnswer(orderId);
	}

	@Override
	public List<PaymentSummary> payments(long orderId) {
		return attempts.ofOrder(orderId)
			.stream()
			.map(a -> new PaymentSummary(a.gatewayOrderId(), a.provider(), a.status().wire(), a.amountMinor(),
					a.currency(), a.message(), a.createdAt(), a.completedAt()))
			.toList();
	}

	@Override
	public List<PaymentEventView> events(long orderId) {
		return events.ofOrder(orderId);
	}

}
