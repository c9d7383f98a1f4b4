package org.hostwright.admin;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin lists as JSON. Pages are numbered from 1 and bounded ({@value Slice#MAX_PAGE} pages);
 * {@code total} is exact up to {@value Slice#COUNT_CAP}, beyond which {@code total_is_lower_bound} is true.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "Admin console")
@RestController
class AdminListApiController {

	private final UserDirectory users;

	private final OrderDirectory orders;

	AdminListApiController(UserDirectory users, OrderDirectory orders) {
		this.users = users;
		this.orders = orders;
	}

	record PageOf<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalIsLowerBound) {

		static <T> PageOf<T> of(Slice<T> s) {
			return new PageOf<>(s.items(), s.page(), s.size(), s.hasNext(), s.total(), s.totalCapped());
		}

	}

	@GetMapping("/api/admin/users")
	PageOf<UserDirectory.UserRow> users(@RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageOf.of(users.list(new UserDirectory.Filter(q, role), Slice.page(page), Slice.size(size)));
	}

	@GetMapping("/api/admin/orders")
	PageOf<OrderDirectory.OrderRow> orders(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageOf.of(orders.list(new OrderDirectory.Filter(status, q), Slice.page(page), Slice.size(size)));
	}

}
