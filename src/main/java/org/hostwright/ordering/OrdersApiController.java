package org.hostwright.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hostwright.accounts.AccountUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Orders", description = "Checkout and the caller's orders")
@RestController
class OrdersApiController {

	private final Checkout checkout;

	private final CheckoutThrottle throttle;

	private final Orders orders;

	private final ObjectProvider<OrderPayments> payments;

	private final ObjectProvider<OrderInvoicing> invoicing;

	private final OrderCancellation cancellation;

	private final ObjectProvider<OrderSetup> setup;

	OrdersApiController(Checkout checkout, CheckoutThrottle throttle, Orders orders,
			ObjectProvider<OrderPayments> payments, ObjectProvider<OrderInvoicing> invoicing,
			OrderCancellation cancellation, ObjectProvider<OrderSetup> setup) {
		this.setup = setup;
		this.checkout = checkout;
		this.cancellation = cancellation;
		this.invoicing = invoicing;
		this.throttle = throttle;
		this.orders = orders;
		this.payments = payments;
	}

	record CheckoutRequest(String planSlug, String phone, String domain) {
	}

	record Placed(UUID orderUuid, String status, long priceCents, String currency, Long invoiceId) {
	}

	record Payment(String gatewayOrderId, String provider, String status, long amountCents, String currency,
			String message, Instant createdAt, Instant completedAt) {

		static Payment of(PaymentSummary p) {
			return new Payment(p.gatewayOrderId(), p.provider(), p.status().toLowerCase(Locale.ROOT), p.amountMinor(),
					p.currency(), p.message(), p.createdAt(), p.completedAt());
		}

	}

	/**
	 * The setup of a paid order's hosting account: {@code state} is {@code setting_up},
	 * {@code failed} or {@code ready} (as on the pages), {@code step} 1 paid, 2 creating
	 * the account, 3 ready; {@code pending_action} a suspend, activate or terminate the
	 * panel has not confirmed yet.
	 */
	record OrderSetupJson(long serviceId, String state, String serviceStatus, int step, int attempt, int maxAttempts,
			boolean retrying, Instant nextAttemptAt, long minutesLeft, String pendingAction) {

		static OrderSetupJson of(OrderSetup.Setup s) {
			return new OrderSetupJson(s.serviceId(), s.state(), s.status(), s.step(), s.attempt(), s.maxAttempts(),
					s.retrying(), s.nextAttemptAt(), s.minutesLeft(), s.pendingAction());
		}

	}

	/**
	 * An order; {@code payments} and {@code setup} (null until the account exists) only
	 * in the answers about one order.
	 */
	record OrderResponse(UUID orderUuid, String status, String planSlug, String planName, long priceCents,
			String currency, String billingPeriod, String phone, String domain, String paymentReference,
			Instant createdAt, Instant paidAt, List<Payment> payments, OrderSetupJson setup) {

		static OrderResponse of(OrderView o, List<Payment> payments) {
			return of(o, payments, null);
		}

		static OrderResponse of(OrderView o, List<Payment> payments, OrderSetupJson setup) {
			return new OrderResponse(o.uuid(), o.status().wire(), o.planSlug(), o.planName(), o.priceMinor(),
					o.currency(), o.billingPeriod().toLowerCase(Locale.ROOT), o.phone(), o.domain(),
					o.paymentReference(), o.createdAt(), o.paidAt(), payments, setup);
		}

	}

	@Operation(summary = "Place a pending order for the caller (then pay it with POST /api/orders/{uuid}/pay)")
	@PostMapping("/api/checkout")
	@ResponseStatus(HttpStatus.CREATED)
	Placed checkout(@AuthenticationPrincipal AccountUser me, @RequestBody CheckoutRequest body,
			HttpServletRequest request) {
		throttle.acquire(request.getRemoteAddr());
		OrderView order = checkout.asCustomer(me.id(), body.planSlug(), body.phone(), body.domain());
		OrderInvoicing i = invoicing.getIfAvailable();
		return new Placed(order.uuid(), order.status().wire(), order.priceMinor(), order.currency(),
				i == null ? null : i.invoiceOf(order.id()).orElse(null));
	}

	@Operation(
			summary = "One of the caller's orders with its payments and, once paid, the setup of its hosting account (404 for anybody else's)")
	@GetMapping("/api/orders/{uuid}")
	OrderResponse order(@AuthenticationPrincipal AccountUser me, @PathVariable String uuid) {
		OrderView order = orders.requireOwned(OrderPageController.parse(uuid), me.id());
		return OrderResponse.of(order, payments(order.id()), setup(order));
	}

	@Operation(
			summary = "Cancel one of the caller's unpaid orders and its invoice (409 when paid, already cancelled, or while a payment request is still waiting on the phone)")
	@PostMapping("/api/orders/{uuid}/cancel")
	OrderResponse cancel(@AuthenticationPrincipal AccountUser me, @PathVariable String uuid) {
		OrderView order = cancellation.cancel(OrderPageController.parse(uuid), me.id());
		return OrderResponse.of(order, payments(order.id()));
	}

	@Operation(summary = "The caller's orders, newest first")
	@GetMapping("/api/me/orders")
	List<OrderResponse> mine(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "50") int limit) {
		return orders.ofCustomer(me.id(), Math.max(1, Math.min(limit, 200)))
			.stream()
			.map(o -> OrderResponse.of(o, null))
			.toList();
	}

	private OrderSetupJson setup(OrderView order) {
		OrderSetup s = setup.getIfAvailable();
		if (s == null || !order.status().paid()) {
			return null;
		}
		return s.setupOf(order.id()).map(OrderSetupJson::of).orElse(null);
	}

	private List<Payment> payments(long orderId) {
		OrderPayments p = payments.getIfAvailable();
		return p == null ? List.of() : p.payments(orderId).stream().map(Payment::of).toList();
	}

}
