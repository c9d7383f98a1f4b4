package org.hostwright.ordering;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.accounts.AccountUser;
import org.hostwright.accounts.EmailTakenException;
import org.hostwright.accounts.WebSignIn;
import org.hostwright.catalog.Plan;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The checkout page. A visitor gets an account (and is signed in) with the order; a
 * signed-in customer only gives the phone and domain. Either way the next stop is the
 * order page with its "Pay" button.
 */
@PageController
class CheckoutController {

	private final Checkout checkout;

	private final CheckoutThrottle throttle;

	private final WebSignIn webSignIn;

	CheckoutController(Checkout checkout, CheckoutThrottle throttle, WebSignIn webSignIn) {
		this.checkout = checkout;
		this.throttle = throttle;
		this.webSignIn = webSignIn;
	}

	record CheckoutForm(String name, String email, String phone, String domain, String password) {
	}

	/**
	 * The form; {@code phone} and {@code domain} prefill it when a customer comes back
	 * after signing in to continue the order.
	 */
	@GetMapping("/checkout/{slug}")
	String form(@PathVariable String slug, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String domain, @AuthenticationPrincipal AccountUser me, Model model) {
		model.addAttribute("plan", activePlan(slug));
		String p = phone == null ? "" : phone;
		String d = domain == null ? "" : domain;
		model.addAttribute("form", me == null ? new CheckoutForm("", "", p, d, null)
				: new CheckoutForm(me.name(), me.email(), p, d, null));
		return "ordering/checkout";
	}

	@PostMapping("/checkout/{slug}")
	String place(@PathVariable String slug, @ModelAttribute("form") CheckoutForm form, BindingResult errors,
			@AuthenticationPrincipal AccountUser me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes ra) {
		model.addAttribute("plan", activePlan(slug));
		throttle.acquire(request.getRemoteAddr());
		try {
			OrderView order;
			if (me != null) {
				order = checkout.asCustomer(me.id(), slug, form.phone(), form.domain());
			}
			else {
				Checkout.Placed placed = checkout.asVisitor(slug, form.name(), form.email(), form.phone(),
						form.domain(), form.password());
				webSignIn.signIn(placed.account(), request, response);
				order = placed.order();
			}
			Flash.success(ra, "ordering.checkout.placed");
			return "redirect:/order/" + order.uuid();
		}
		catch (EmailTakenException ex) {
			model.addAttribute("emailTaken", true);
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
		}
		// what was typed comes back with its errors (the password field never shows a
		// value)
		if (me != null) {
			model.addAttribute("form", new CheckoutForm(me.name(), me.email(), form.phone(), form.domain(), null));
		}
		return "ordering/checkout";
	}

	private Plan activePlan(String slug) {
		try {
			return checkout.plan(slug);
		}
		catch (InvalidInputException ex) {
			throw new NotFoundException("plan");
		}
	}

}
