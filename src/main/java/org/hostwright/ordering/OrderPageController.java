package org.hostwright.ordering;

import java.util.List;
import java.util.UUID;

import org.hostwright.accounts.AccountUser;
import org.hostwright.platform.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The customer's order summary: status, timeline, payments and the "Pay" button while
 * unpaid.
 */
@Controller
class OrderPageController {

	private final Orders orders;

	private final ObjectProvider<OrderPayments> payments;

	OrderPageController(Orders orders, ObjectProvider<OrderPayments> payments) {
		this.orders = orders;
		this.payments = payments;
	}

	@GetMapping("/order/{uuid}")
	String order(@PathVariable String uuid, @AuthenticationPrincipal AccountUser me, Model model) {
		OrderView order = orders.requireOwned(parse(uuid), me.id());
		model.addAttribute("order", order);
		model.addAttribute("timeline", orders.timeline(order.id()));
		OrderPayments p = payments.getIfAvailable();
		model.addAttribute("payments", p == null ? List.of() : p.payments(order.id()));
		model.addAttribute("payable", order.status() == OrderStatus.PENDING || order.status() == OrderStatus.FAILED);
		return "ordering/order";
	}

	/** A malformed id is just another order that does not exist. */
	static UUID parse(String uuid) {
		try {
			return UUID.fromString(uuid);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("order");
		}
	}

}
