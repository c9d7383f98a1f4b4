package org.hostwright.payments;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

import org.hostwright.ordering.Orders;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form behind "Record a payment" on the admin order page: reference and amount (in
 * major units). Back to the order page with the outcome.
 */
@PageController
class ManualPaymentController {

	private final ManualPayments manual;

	private final Orders orders;

	ManualPaymentController(ManualPayments manual, Orders orders) {
		this.manual = manual;
		this.orders = orders;
	}

	@PostMapping("/admin/orders/{uuid}/payments")
	String record(@PathVariable String uuid, @RequestParam(defaultValue = "") String reference,
			@RequestParam(defaultValue = "") String amount, RedirectAttributes ra) {
		UUID id = PayController.parse(uuid);
		var order = orders.findByUuid(id).orElseThrow(() -> new NotFoundException("order"));
		try {
			int digits = Math.max(0, Currency.getInstance(order.currency()).getDefaultFractionDigits());
			Long minor = parse(amount, digits);
			manual.record(id, reference, minor);
			Flash.success(ra, "payments.manual.recorded", reference.strip());
		}
		catch (InvalidInputException ex) {
			Flash.error(ra, ex.fields().get(0).code());
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code(), ex.args());
		}
		return "redirect:/admin/orders/" + id;
	}

	private static Long parse(String amount, int digits) {
		try {
			return new BigDecimal(amount.replaceAll("[\\s,_]", "")).movePointRight(digits).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

}
