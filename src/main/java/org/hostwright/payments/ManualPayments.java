package org.hostwright.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.hostwright.audit.AuditLog;
import org.hostwright.billing.Billing;
import org.hostwright.billing.PaymentMethod;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.payments.PaymentEventLog.NewEvent;
import org.hostwright.platform.Money;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments an admin records by hand (cash, a bank transfer, a mobile-money payment that
 * reached the merchant outside the push): stored as a payment event, audited, and the
 * order marked paid, all in one transaction.
 */
@Service
public class ManualPayments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Orders orders;

	private final PaymentEventLog events;

	private final Receipts receipts;

	private final AuditLog audit;

	private final Clock clock;

	private final Billing billing;

	ManualPayments(Orders orders, PaymentEventLog events, Receipts receipts, AuditLog audit, Clock clock,
			Billing billing) {
		this.billing = billing;
		this.orders = orders;
		this.events = events;
		this.receipts = receipts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a payment of the order's full price on a pending (or failed) order.
	 * @throws InvalidInputException when the reference is missing or the amount is not
	 * the price
	 * @throws ConflictException when the order is not waiting for a payment
	 */
	@Transactional
	public OrderView record(UUID orderUuid, String reference, Long amountMinor) {
		OrderView order = orders.findByUuid(orderUuid).orElseThrow(() -> new NotFoundException("order"));
		String ref = reference == null ? "" : reference.strip();
		if (ref.isEmpty() || ref.length() > 120) {
			throw new InvalidInputException("reference", "payments.manual.reference",
					"Enter the payment's reference (at most 120 characters).");
		}
		if (amountMinor == null || amountMinor != order.priceMinor()) {
			throw new InvalidInputException("amountCents", "payments.manual.amount",
					"The amount must be the order's price.");
		}
		if (order.status() != OrderStatus.PENDING && order.status() != OrderStatus.FAILED) {
			throw new ConflictException("payments.manual.notPending",
					"Only a pending or failed order can take a payment.");
		}
		Instant now = Instant.now(clock);
		String payload = JSON.writeValueAsString(
				java.util.Map.of("reference", ref, "amount_cents", amountMinor, "currency", order.currency()));
		events.insert(new NewEvent(order.id(), null, null, "manual", "manual_payment", "COMPLETED", ref, amountMinor,
				order.currency(), payload, null, "applied"), now);
		billing.payOrder(order.id(), amountMinor, PaymentMethod.MANUAL, ref);
		orders.markPaid(order.id(), ref, "manual payment recorded by an admin");
		audit.record("payment.manual_recorded", "order", order.uuid(),
				"reference " + ref + ", " + Money.plain(amountMinor, order.currency()));
		receipts.send(order, amountMinor, ref, "manual");
		return orders.find(order.id()).orElseThrow();
	}

}
