package org.hostwright.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.Slice;
import org.hostwright.platform.web.PageOf;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders for admins over the JSON API: the list (filter, search, bounded pages, as on the
 * admin orders page) and any customer's order with its timeline and raw payment events.
 */
@Tag(name = "Orders (admin)")
@RestController
class AdminOrdersApiController {

	private final Orders orders;

	private final OrderDirectory directory;

	private final ObjectProvider<OrderPayments> payments;

	AdminOrdersApiController(Orders orders, OrderDirectory directory, ObjectProvider<OrderPayments> payments) {
		this.orders = orders;
		this.directory = directory;
		this.payments = payments;
	}

	/**
	 * An order in the list as the customer API names it: order_uuid, price_cents with
	 * currency, lowercase status and period.
	 */
	record OrderItem(long id, UUID orderUuid, long customerId, String customerName, String customerEmail, long planId,
			String planName, long priceCents, String currency, String billingPeriod, String phone, String domain,
			String status, String paymentReference, Instant createdAt, Instant paidAt) {

		static OrderItem of(OrderDirectory.OrderRow o) {
			return new OrderItem(o.id(), o.uuid(), o.customerId(), o.customerName(), o.customerEmail(), o.planId(),
					o.planName(), o.priceMinor(), o.currency(), o.billingPeriod().toLowerCase(Locale.ROOT), o.phone(),
					o.domain(), o.status().wire(), o.paymentReference(), o.createdAt(), o.paidAt());
		}

	}

	record Change(Instant occurredAt, String from, String to, String cause) {
	}

	record Event(long id, String provider, String eventType, String status, String reference, Long amountCents,
			String currency, String outcome, String payload, Instant createdAt) {

		static Event of(PaymentEventView e) {
			return new Event(e.id(), e.provider(), e.eventType(), e.status(), e.reference(), e.amountMinor(),
					e.currency(), e.outcome(), e.payload(), e.createdAt());
		}

	}

	record AdminOrder(long id, UUID orderUuid, long customerId, String status, String planSlug, String planName,
			long priceCents, String currency, String phone, String domain, String paymentReference, Instant createdAt,
			Instant paidAt, List<OrdersApiController.Payment> payments, List<Change> timeline,
			List<Event> paymentEvents) {
	}

	@Operation(summary = "Orders newest first: by status, searched by order number, domain or customer")
	@GetMapping("/api/admin/orders")
	PageOf<OrderItem> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageOf.of(directory.list(new OrderDirectory.Filter(status, q), Slice.page(page), Slice.size(size)),
				OrderItem::of);
	}

	@Operation(summary = "Any order with its timeline, payments and raw payment events")
	@GetMapping("/api/admin/orders/{uuid}")
	AdminOrder order(@PathVariable String uuid) {
		OrderView o = orders.findByUuid(OrderPageController.parse(uuid))
			.orElseThrow(() -> new NotFoundException("order"));
		OrderPayments p = payments.getIfAvailable();
		List<Change> timeline = orders.timeline(o.id())
			.stream()
			.map(t -> new Change(t.occurredAt(), t.from() == null ? null : t.from().wire(), t.to().wire(), t.cause()))
			.toList();
		return new AdminOrder(o.id(), o.uuid(), o.customerId(), o.status().wire(), o.planSlug(), o.planName(),
				o.priceMinor(), o.currency(), o.phone(), o.domain(), o.paymentReference(), o.createdAt(), o.paidAt(),
				p == null ? List.of() : p.payments(o.id()).stream().map(OrdersApiController.Payment::of).toList(),
				timeline, p == null ? List.of() : p.events(o.id()).stream().map(Event::of).toList());
	}

}
