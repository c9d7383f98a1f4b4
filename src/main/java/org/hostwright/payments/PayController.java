package org.hostwright.payments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hostwright.accounts.AccountUser;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payment pages: POST starts the push (never a GET, which browsers and scanners may
 * repeat), the waiting page polls {@code /pay/{order}/status} until the order is paid or
 * the attempt failed.
 */
@PageController
class PayController {

	private final Payments payments;

	private final Orders orders;

	private final MessageSource messages;

	PayController(Payments payments, Orders orders, MessageSource messages) {
		this.payments = payments;
		this.orders = orders;
		this.messages = messages;
	}

	/**
	 * Sends the payment request, to {@code phone} when the customer chose another number
	 * (a bad one comes back to the waiting page with the error and what was typed).
	 */
	@PostMapping("/pay/{uuid}")
	String start(@PathVariable String uuid, @RequestParam(required = false) String phone,
			@AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		UUID id = parse(uuid);
		try {
			Payments.Started started = payments.start(id, me.id(), phone);
			if (started.status() == AttemptStatus.FAILED) {
				Flash.error(ra, "payments.start.failed", started.message());
			}
			return "redirect:/pay/" + id;
		}
		catch (ConflictException ex) {
			Flash.info(ra, ex.code(), ex.args());
			if ("payments.attempt.stillWaiting".equals(ex.code())) {
				return "redirect:/pay/" + id;
			}
		}
		catch (InvalidInputException ex) {
			if (phone != null && !phone.isBlank()) {
				ra.addFlashAttribute("phoneError", ex.fields().get(0).code());
				ra.addFlashAttribute("phoneTyped", phone);
				return "redirect:/pay/" + id;
			}
			Flash.error(ra, ex.fields().get(0).code());
		}
		return "redirect:/order/" + id;
	}

	@GetMapping("/pay/{uuid}")
	String waiting(@PathVariable String uuid, @AuthenticationPrincipal AccountUser me, Model model) {
		OrderView order = orders.requireOwned(parse(uuid), me.id());
		if (order.status().paid()) {
			return "redirect:/order/" + order.uuid();
		}
		Payments.PaymentState state = payments.state(order.uuid(), me.id());
		Optional<Payments.LatestAttempt> latest = payments.latest(order.uuid(), me.id());
		String number = latest.map(Payments.LatestAttempt::phone).orElse(order.phone());
		model.addAttribute("order", order);
		model.addAttribute("state", state);
		model.addAttribute("waiting", state.attemptStatus() == AttemptStatus.PENDING);
		model.addAttribute("expiresAt", latest.map(Payments.LatestAttempt::expiresAt).orElse(null));
		model.addAttribute("provider",
				state.provider() != null ? state.provider() : payments.providerOf(order.phone()));
		model.addAttribute("phone", payments.nationalForm(number));
		model.addAttribute("cancellable", order.status().canMoveTo(OrderStatus.CANCELLED));
		return "payments/pay";
	}

	@GetMapping("/pay/{uuid}/status")
	@ResponseBody
	Map<String, Object> status(@PathVariable String uuid, @AuthenticationPrincipal AccountUser me) {
		UUID id = parse(uuid);
		Payments.PaymentState state = payments.state(id, me.id());
		String attempt = state.attemptStatus() == null ? "none" : state.attemptStatus().wire();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("order_status", state.orderStatus().wire());
		body.put("payment_status", attempt);
		body.put("provider", state.provider());
		body.put("paid", state.orderStatus().paid());
		body.put("done", state.orderStatus().paid()
				|| (state.attemptStatus() != null && state.attemptStatus() != AttemptStatus.PENDING));
		body.put("message", messages.getMessage("payments.state." + (state.orderStatus().paid() ? "paid" : attempt),
				null, LocaleContextHolder.getLocale()));
		body.put("order_url", "/order/" + id);
		body.put("expires_at", payments.latest(id, me.id()).map(Payments.LatestAttempt::expiresAt).orElse(null));
		return body;
	}

	static UUID parse(String uuid) {
		try {
			return UUID.fromString(uuid);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("order");
		}
	}

}
