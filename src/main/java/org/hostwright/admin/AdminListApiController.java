package org.hostwright.admin;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.hostwright.accounts.UserDirectory;
import org.hostwright.platform.Slice;
import org.hostwright.platform.web.PageOf;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin lists as JSON, a {@link PageOf} each. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "Admin console")
@RestController
class AdminListApiController {

	private final UserDirectory users;

	private final OrderDirectory orders;

	AdminListApiController(UserDirectory users, OrderDirectory orders) {
		this.users = users;
		this.orders = orders;
	}

	/** A user as the API names it (the role lowercase, as in /api/auth/me). */
	record UserItem(long id, String name, String email, String phone, String role, boolean emailVerified,
			Instant createdAt) {

		static UserItem of(UserDirectory.UserRow u) {
			return new UserItem(u.id(), u.name(), u.email(), u.phone(), u.role().toLowerCase(Locale.ROOT),
					u.emailVerified(), u.createdAt());
		}

	}

	/**
	 * An order as the customer API names it: order_uuid, price_cents with currency,
	 * lowercase status and period.
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

	@GetMapping("/api/admin/users")
	PageOf<UserItem> users(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageOf.of(users.list(new UserDirectory.Filter(q, role), Slice.page(page), Slice.size(size)),
				UserItem::of);
	}

	@GetMapping("/api/admin/orders")
	PageOf<OrderItem> orders(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageOf.of(orders.list(new OrderDirectory.Filter(status, q), Slice.page(page), Slice.size(size)),
				OrderItem::of);
	}

}
