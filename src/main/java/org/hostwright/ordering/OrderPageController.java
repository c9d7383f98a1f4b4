package org.hostwright.ordering;

import java.util.List;
import java.util.UUID;

import org.hostwright.accounts.AccountUser;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's order summary: status, timeline, payments and the "Pay" button while
 * unpaid.
 */
@PageController
class OrderPageController {

	private final Orders orders;

	private final ObjectProvider<OrderPayments> payments;

	private final OrderCancellation cancellation;

	private final ObjectProvider<OrderSetup> setup;

	OrderPageController(Orders orders, ObjectProvider<OrderPayments> payments, OrderCancellation cancellation,
			ObjectProvider<OrderSetup> setup) {
		this.orders = orders;
		this.payments = payments;
		this.cancellation = cancellation;
		this.setup = setup;
	}

	@GetMapping("/order/{uuid}")
	String order(@PathVariable String uuid, @AuthenticationPrincipal AccountUser me, Model model) {
		OrderView order = orders.requireOwned(parse(uuid), me.id());
		model.addAttribute("order", order);
		model.addAttribute("timeline", orders.timeline(order.id()));
		OrderPayments p = payments.getIfAvailable();
		model.addAttribute("payments", p == null ? List.of() : p.payments(order.id()));
		model.addAttribute("payable", order.status() == OrderStatus.PENDING || order.status() == OrderStatus.FAILED);
		model.addAttribute("cancellable", order.status().canMoveTo(OrderStatus.CANCELLED));
		setupOf(order, model);
		return "ordering/order";
	}

	/**
	 * The setup card alone, which the order page polls (htmx) while the account is being
	 * set up.
	 */
	@GetMapping("/order/{uuid}/setup")
	String setup(@PathVariable String uuid, @AuthenticationPrincipal AccountUser me, Model model) {
		OrderView order = orders.requireOwned(parse(uuid), me.id());
		model.addAttribute("order", order);
		setupOf(order, model);
		return "ordering/order :: setup";
	}

	private void setupOf(OrderView order, Model model) {
		OrderSetup s = setup.getIfAvailable();
		var current = s == null || !order.status().paid() ? null : s.setupOf(order.id()).orElse(null);
		model.addAttribute("setup", current);
		// paid, and the account is on its way (or its service row not written yet)
		model.addAttribute("setupPolls", order.status().paid() && (current == null ? s != null : current.inProgress()));
	}

	/** The page asks for confirmation first (data-confirm); a refusal says why. */
	@PostMapping("/order/{uuid}/cancel")
	String cancel(@PathVariable String uuid, @AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		UUID id = parse(uuid);
		try {
			cancellation.cancel(id, me.id());
			Flash.success(ra, "ordering.cancel.done");
		}
		catch (ConflictException ex) {
			Flash.warning(ra, ex.code(), ex.args());
		}
		return "redirect:/order/" + id;
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
