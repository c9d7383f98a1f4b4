package org.hostwright.payments;

import org.hostwright.accounts.AccountUser;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Pay by mobile money" on the customer's invoice page: the same ZenoPay flow as an
 * order's payment.
 */
@PageController
class InvoicePayController {

	private final Payments payments;

	InvoicePayController(Payments payments) {
		this.payments = payments;
	}

	@PostMapping("/me/invoices/{id}/pay")
	String pay(@PathVariable long id, @RequestParam(required = false) String phone,
			@AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		try {
			Payments.Started started = payments.startInvoice(id, me.id(), phone);
			if (started.status() == AttemptStatus.FAILED) {
				Flash.error(ra, "payments.start.failed", started.message());
			}
			else {
				Flash.info(ra, "billing.pay.sent", started.provider());
			}
		}
		catch (ConflictException ex) {
			Flash.info(ra, ex.code());
		}
		catch (InvalidInputException ex) {
			Flash.error(ra, ex.fields().get(0).code());
		}
		return "redirect:/me/invoices/" + id;
	}

}
