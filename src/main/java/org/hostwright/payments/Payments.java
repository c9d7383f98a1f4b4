package org.hostwright.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.billing.Billing;
import org.hostwright.billing.Invoice;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.payments.PaymentGateway.PushRequest;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payments module's API: start a mobile-money payment for an order and follow it. The
 * attempt is committed before the gateway is called (its id is the gateway's order id),
 * so whatever happens next (a crash, a timeout, a lost webhook) the reconciliation job
 * can still find and settle it.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	/**
	 * The outcome of a start: the attempt's status, the provider, and a message for the
	 * customer.
	 */
	public record Started(AttemptStatus status, String provider, String gatewayOrderId, String message) {
	}

	/** What the waiting page polls. */
	public record PaymentState(OrderStatus orderStatus, AttemptStatus attemptStatus, String provider, String message) {
	}

	/**
	 * The latest attempt of an order as the waiting page shows it: the number it went to
	 * and when it expires (the countdown; "send it again" is possible from then on).
	 */
	public record LatestAttempt(AttemptStatus status, String provider, String phone, Instant createdAt,
			Instant expiresAt, String message) {
	}

	private final Orders orders;

	private final Accounts accounts;

	private final PaymentAttempts attempts;

	private final PaymentGateway gateway;

	private final MobileMoneyNumbers numbers;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Billing billing;

	private final Settlement settlement;

	private final Duration attemptTimeout;

	Payments(Orders orders, Accounts accounts, PaymentAttempts attempts, PaymentGateway gateway,
			MobileMoneyNumbers numbers, TransactionTemplate tx, Clock clock, Billing billing, Settlement settlement,
			PaymentsProperties properties) {
		this.billing = billing;
		this.settlement = settlement;
		this.attemptTimeout = properties.attemptTimeout();
		this.orders = orders;
		this.accounts = accounts;
		this.attempts = attempts;
		this.gateway = gateway;
		this.numbers = numbers;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Starts a push payment for the customer's order to the order's phone, or returns the
	 * one already waiting (never two pushes at once for one order).
	 * @see #start(UUID, long, String)
	 */
	public Started start(UUID orderUuid, long customerId) {
		return start(orderUuid, customerId, null);
	}

	/**
	 * Starts a push payment for the customer's order to {@code phone} (blank: the order's
	 * phone; the provider is detected again from the number). A request still waiting
	 * within its timeout is returned as it is when it went to the same number, and
	 * refused for another number: the customer may answer it at any moment, so a second
	 * push would charge twice. One past its timeout is first settled with the gateway (it
	 * may have been paid after all), then a new one starts.
	 * @throws org.hostwright.platform.NotFoundException when the order is not the
	 * customer's
	 * @throws ConflictException when the order is paid or cancelled, its currency is not
	 * payable, or a request to another number is still waiting
	 * @throws InvalidInputException when the phone is not a mobile number we can use
	 */
	public Started start(UUID orderUuid, long customerId, String phone) {
		OrderView order = payable(orders.requireOwned(orderUuid, customerId));
		String number = phone == null || phone.isBlank() ? order.phone()
				: numbers.e164(phone)
					.orElseThrow(() -> new InvalidInputException("phone", "payments.phone.invalid",
							"Enter a valid mobile number, e.g. 0712 345 678."));
		MobileMoneyProvider provider = numbers.provider(number)
			.orElseThrow(() -> new InvalidInputException("phone", "payments.phone.unsupported",
					"This number has no mobile money we can take (M-Pesa, Tigo Pesa, Airtel Money or HaloPesa)."));
		var waiting = attempts.pendingOf(order.id());
		if (waiting.isPresent()) {
			PaymentAttempt w = waiting.get();
			if (Instant.now(clock).isBefore(expiry(w))) {
				if (!w.phone().equals(number)) {
					long seconds = Duration.between(Instant.now(clock), expiry(w)).toSeconds() + 1;
					throw new ConflictException("payments.attempt.stillWaiting",
							"A payment request is still waiting on the phone: try another number in " + seconds
									+ " seconds, once it has expired.",
							seconds);
				}
				return started(w);
			}
			// past its timeout: the gateway's answer decides (paid after all, or expired)
			settlement.confirm(w.gatewayOrderId(), "new payment request");
			order = payable(orders.requireOwned(orderUuid, customerId));
		}
		// the order's invoice says what is owed (its tax, credit already used); an order
		// without one, its price
		long amount = billing.amountDueOfOrder(order.id()).orElse(order.priceMinor());
		waiting = attempts.pendingOf(order.id());
		if (waiting.isPresent()) {
			return started(waiting.get());
		}
		String gatewayOrderId = UUID.randomUUID().toString();
		long attemptId;
		long orderId = order.id();
		String currency = order.currency();
		try {
			attemptId = tx.execute(s -> attempts.insertPending(orderId, gatewayOrderId, gateway.name(),
					provider.label(), number, amount, currency, Instant.now(clock)));
		}
		catch (DuplicateKeyException ex) {
			// another request started one a moment ago
			return attempts.pendingOf(orderId).map(this::started).orElseThrow(() -> ex);
		}
		Account buyer = accounts.require(order.customerId());
		push(attemptId,
				new PushRequest(gatewayOrderId, buyer.name(), buyer.email(), numbers.national(number).orElseThrow(),
						Money.of(amount, currency).wholeUnits(),
						Map.of("order_uuid", order.uuid().toString(), "attempt", gatewayOrderId)),
				provider);
		return started(attempts.find(attemptId).orElseThrow());
	}

	private static OrderView payable(OrderView order) {
		if (order.status().paid()) {
			throw new ConflictException("payments.order.paid", "This order is already paid.");
		}
		if (order.status() == OrderStatus.CANCELLED) {
			throw new ConflictException("payments.order.cancelled", "This order is cancelled.");
		}
		if (!"TZS".equals(order.currency())) {
			throw new ConflictException("payments.currency.unsupported",
					"Mobile money takes Tanzanian shillings only.");
		}
		return order;
	}

	/**
	 * Whether a payment request of the order is still waiting for the customer's answer.
	 * One past its timeout is settled with the gateway first, so a request nobody will
	 * answer never blocks, and one answered at the last second is not missed.
	 */
	boolean awaitingAnswer(long orderId) {
		var waiting = attempts.pendingOf(orderId);
		if (waiting.isEmpty()) {
			return false;
		}
		if (Instant.now(clock).isBefore(expiry(waiting.get()))) {
			return true;
		}
		settlement.confirm(waiting.get().gatewayOrderId(), "order cancellation");
		return attempts.pendingOf(orderId).isPresent();
	}

	/** The order's latest attempt with its expiry, for the waiting page's countdown. */
	public java.util.Optional<LatestAttempt> latest(UUID orderUuid, long customerId) {
		OrderView order = orders.requireOwned(orderUuid, customerId);
		return attempts.latestOf(order.id())
			.map(a -> new LatestAttempt(a.status(), a.provider(), a.phone(), a.createdAt(), expiry(a), a.message()));
	}

	private Instant expiry(PaymentAttempt a) {
		return a.createdAt().plus(attemptTimeout);
	}

	/**
	 * Starts a push payment of what the customer's invoice still owes (a renewal has no
	 * order), to the given phone or the account's, or returns the one already waiting.
	 * @throws org.hostwright.platform.NotFoundException when the invoice is not the
	 * customer's
	 * @throws ConflictException when nothing is owed, or its currency is not payable
	 * @throws InvalidInputException when the phone has no mobile money we can use
	 */
	public Started startInvoice(long invoiceId, long customerId, String phone) {
		Invoice invoice = billing.requireOwned(invoiceId, customerId);
		if (!invoice.status().open() || invoice.balanceMinor() == 0) {
			throw new ConflictException("payments.invoice.notOpen", "This invoice has nothing left to pay.");
		}
		if (!"TZS".equals(invoice.currency())) {
			throw new ConflictException("payments.currency.unsupported",
					"Mobile money takes Tanzanian shillings only.");
		}
		String number = phone == null || phone.isBlank() ? accounts.require(customerId).phone()
				: numbers.e164(phone)
					.orElseThrow(() -> new InvalidInputException("phone", "payments.phone.invalid",
							"Enter a valid mobile number, e.g. 0712 345 678."));
		MobileMoneyProvider provider = numbers.provider(number)
			.orElseThrow(() -> new InvalidInputException("phone", "payments.phone.unsupported",
					"This number has no mobile money we can take (M-Pesa, Tigo Pesa, Airtel Money or HaloPesa)."));
		var waiting = attempts.pendingOfInvoice(invoiceId);
		if (waiting.isPresent()) {
			return started(waiting.get());
		}
		String gatewayOrderId = UUID.randomUUID().toString();
		long attemptId;
		try {
			attemptId = tx.execute(s -> attempts.insertPendingForInvoice(invoiceId, gatewayOrderId, gateway.name(),
					provider.label(), number, invoice.balanceMinor(), invoice.currency(), Instant.now(clock)));
		}
		catch (DuplicateKeyException ex) {
			return attempts.pendingOfInvoice(invoiceId).map(this::started).orElseThrow(() -> ex);
		}
		Account buyer = accounts.require(customerId);
		push(attemptId,
				new PushRequest(gatewayOrderId, buyer.name(), buyer.email(), numbers.national(number).orElseThrow(),
						Money.of(invoice.balanceMinor(), invoice.currency()).wholeUnits(),
						Map.of("invoice", invoice.number(), "attempt", gatewayOrderId)),
				provider);
		return started(attempts.find(attemptId).orElseThrow());
	}

	/** The latest payment attempt of an invoice, as its page shows it. */
	public java.util.Optional<PaymentAttempt> latestOfInvoice(long invoiceId) {
		return attempts.latestOfInvoice(invoiceId);
	}

	private void push(long attemptId, PushRequest request, MobileMoneyProvider provider) {
		try {
			gateway.start(request);
			attempts.message(attemptId, "Payment request sent to " + provider.label() + ".", Instant.now(clock));
		}
		catch (GatewayException ex) {
			if (ex.refused()) {
				log.info("Payment {} refused by {}: {}", request.gatewayOrderId(), gateway.name(), ex.getMessage());
				tx.executeWithoutResult(s -> attempts.lock(attemptId)
					.filter(a -> a.status() == AttemptStatus.PENDING)
					.ifPresent(a -> attempts.finish(a, AttemptStatus.FAILED, null, null,
							"The payment could not be started: " + ex.getMessage(), Instant.now(clock))));
			}
			else {
				attempts.message(attemptId, "Waiting for the gateway's confirmation.", Instant.now(clock));
			}
		}
	}

	/** The order's payment as the waiting page shows it. */
	public PaymentState state(UUID orderUuid, long customerId) {
		OrderView order = orders.requireOwned(orderUuid, customerId);
		var latest = attempts.latestOf(order.id());
		return new PaymentState(order.status(), latest.map(PaymentAttempt::status).orElse(null),
				latest.map(PaymentAttempt::provider).orElse(null), latest.map(PaymentAttempt::message).orElse(null));
	}

	/** The order's attempts, newest first. */
	public List<PaymentAttempt> attempts(long orderId) {
		return attempts.ofOrder(orderId);
	}

	/** The provider an order's phone would pay with, for display before paying. */
	public String providerOf(String phone) {
		return numbers.provider(phone).map(MobileMoneyProvider::label).orElse(null);
	}

	/** The national form of a phone, as the customer knows it. */
	public String nationalForm(String phone) {
		return numbers.national(phone).orElse(phone);
	}

	private Started started(PaymentAttempt a) {
		return new Started(a.status(), a.provider(), a.gatewayOrderId(), a.message());
	}

}
