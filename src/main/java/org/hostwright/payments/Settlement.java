package org.hostwright.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.hostwright.billing.Billing;
import org.hostwright.billing.PaymentMethod;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.payments.PaymentEventLog.NewEvent;
import org.hostwright.payments.PaymentGateway.GatewayStatus;
import org.hostwright.payments.PaymentGateway.GatewayStatus.State;
import org.hostwright.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms an attempt with the gateway's status call and applies the answer once: the
 * gateway is asked outside any transaction, then the attempt row is locked and re-read,
 * so a webhook, a duplicate and the reconciliation job racing each other mark the order
 * paid exactly once. A webhook alone never marks anything paid; only the status call
 * does.
 */
@Component
class Settlement {

	private static final Logger log = LoggerFactory.getLogger(Settlement.class);

	enum Outcome {

		APPLIED, ALREADY_APPLIED, STILL_PENDING, UNCONFIRMED, FAILED, EXPIRED, AMOUNT_MISMATCH, ORDER_CANCELLED,
		UNKNOWN_ORDER;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** A final answer: nothing left to confirm for this webhook. */
		boolean settled() {
			return this != STILL_PENDING && this != UNCONFIRMED;
		}

	}

	private final PaymentAttempts attempts;

	private final PaymentEventLog events;

	private final PaymentGateway gateway;

	private final Orders orders;

	private final Receipts receipts;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration attemptTimeout;

	private final Billing billing;

	Settlement(PaymentAttempts attempts, PaymentEventLog events, PaymentGateway gateway, Orders orders,
			Receipts receipts, TransactionTemplate tx, Clock clock, PaymentsProperties properties, Billing billing) {
		Duration attemptTimeout = properties.attemptTimeout();
		this.billing = billing;
		this.attempts = attempts;
		this.events = events;
		this.gateway = gateway;
		this.orders = orders;
		this.receipts = receipts;
		this.tx = tx;
		this.clock = clock;
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * Asks the gateway about the attempt and applies its answer; {@code via} names the
	 * trigger for the timeline.
	 */
	Outcome confirm(String gatewayOrderId, String via) {
		PaymentAttempt attempt = attempts.findByGatewayOrderId(gatewayOrderId).orElse(null);
		if (attempt == null) {
			return Outcome.UNKNOWN_ORDER;
		}
		Outcome outcome;
		if (attempt.status() == AttemptStatus.COMPLETED) {
			outcome = Outcome.ALREADY_APPLIED;
			events.settleReceived(gatewayOrderId, outcome.key());
		}
		else {
			GatewayStatus status = null;
			try {
				status = gateway.status(gatewayOrderId);
			}
			catch (GatewayException ex) {
				log.warn("Could not confirm payment {} with {}: {}", gatewayOrderId, gateway.name(), ex.getMessage());
			}
			GatewayStatus answer = status;
			outcome = tx.execute(s -> apply(attempt.id(), answer, via));
		}
		return outcome;
	}

	private Outcome apply(long attemptId, GatewayStatus status, String via) {
		PaymentAttempt a = attempts.lock(attemptId).orElseThrow();
		Instant now = Instant.now(clock);
		attempts.checked(a.id(), now);
		if (a.status() == AttemptStatus.COMPLETED) {
			events.settleReceived(a.gatewayOrderId(), Outcome.ALREADY_APPLIED.key());
			return Outcome.ALREADY_APPLIED;
		}
		State state = status == null ? State.UNKNOWN : status.state();
		if (state == State.COMPLETED) {
			return complete(a, status, via, now);
		}
		if (state == State.FAILED) {
			if (a.status() != AttemptStatus.PENDING) {
				events.settleReceived(a.gatewayOrderId(), Outcome.FAILED.key());
				return Outcome.FAILED;
			}
			attempts.finish(a, AttemptStatus.FAILED, status.reference(), status.channel(),
					"The payment was declined or cancelled on the phone.", now);
			record(a, "FAILED", status, "failed", now);
			failOrder(a.orderId(), "payment declined (" + gateway.label() + ")");
			return Outcome.FAILED;
		}
		if (a.status() == AttemptStatus.PENDING && a.createdAt().plus(attemptTimeout).isBefore(now)) {
			attempts.finish(a, AttemptStatus.EXPIRED, null, null, "No confirmation came in time.", now);
			events.settleReceived(a.gatewayOrderId(), Outcome.EXPIRED.key());
			failOrder(a.orderId(), "payment not confirmed within " + attemptTimeout.toSeconds() + " s");
			return Outcome.EXPIRED;
		}
		// provisional: the webhook says so until the reconciliation reaches a final
		// answer
		Outcome provisional = status == null ? Outcome.UNCONFIRMED : Outcome.STILL_PENDING;
		events.settleReceived(a.gatewayOrderId(), provisional.key());
		return provisional;
	}

	private Outcome complete(PaymentAttempt a, GatewayStatus status, String via, Instant now) {
		long expected = Money.of(a.amountMinor(), a.currency()).wholeUnits();
		if (status.amountWholeUnits() != null && status.amountWholeUnits() != expected) {
			log.warn("Payment {} reported {} instead of {}: not applied, needs a person", a.gatewayOrderId(),
					status.amountWholeUnits(), expected);
			record(a, "COMPLETED", status, "amount_mismatch", now);
			return Outcome.AMOUNT_MISMATCH;
		}
		attempts.finish(a, AttemptStatus.COMPLETED, status.reference(), status.channel(), "Payment confirmed.", now);
		record(a, "COMPLETED", status, "applied", now);
		String reference = status.reference() != null ? status.reference() : a.gatewayOrderId();
		if (a.orderId() == null) {
			// a renewal: the invoice takes the money (what it does not owe goes to the
			// customer's credit)
			billing.pay(a.invoiceId(), a.amountMinor(), PaymentMethod.MOBILE_MONEY, reference, null);
			return Outcome.APPLIED;
		}
		OrderView order = orders.find(a.orderId()).orElseThrow();
		if (order.status() == OrderStatus.CANCELLED) {
			log.warn("Payment {} completed for cancelled order {}: refund by hand", a.gatewayOrderId(), order.uuid());
			return Outcome.ORDER_CANCELLED;
		}
		// the order's invoice takes the money first: a second payment of a paid order
		// lands on credit
		billing.payOrder(order.id(), a.amountMinor(), PaymentMethod.MOBILE_MONEY, reference);
		if (!orders.markPaid(order.id(), reference, "payment confirmed by " + gateway.label() + " (" + via + ")")) {
			// a second attempt (or a manual payment) paid the order first: the money came
			// twice, and
			// billing kept it as the customer's credit (or, for an order without invoice,
			// a person must)
			log.warn("Payment {} completed for order {} that was already paid: kept as the customer's credit",
					a.gatewayOrderId(), order.uuid());
			return Outcome.ALREADY_APPLIED;
		}
		receipts.send(order, a.amountMinor(), reference, a.provider());
		return Outcome.APPLIED;
	}

	private void failOrder(Long orderId, String cause) {
		if (orderId != null && orders.find(orderId).map(o -> o.status() == OrderStatus.PENDING).orElse(false)) {
			orders.markFailed(orderId, cause);
		}
	}

	/**
	 * The gateway's answer in the event log: the webhook that announced it takes the
	 * outcome; without one (the reconciliation found it) the status check is logged as a
	 * row of its own.
	 */
	private void record(PaymentAttempt a, String state, GatewayStatus status, String outcome, Instant now) {
		if (events.settleReceived(a.gatewayOrderId(), outcome) > 0) {
			return;
		}
		events.insert(new NewEvent(a.orderId(), a.id(), a.gatewayOrderId(), gateway.name(), "status_check", state,
				status.reference(), status.amountWholeUnits() == null ? null : a.amountMinor(), a.currency(),
				status.raw(), null, outcome), now);
	}

}
