package org.hostwright.billing;

import org.hostwright.accounts.AccountUser;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's Invoices pages (paying by mobile money is the payments module's form on
 * the same page).
 */
@PageController
class InvoicePagesController {

	private final Billing billing;

	private final SettingsStore settings;

	private final InvoicePdf pdf;

	InvoicePagesController(Billing billing, SettingsStore settings, InvoicePdf pdf) {
		this.pdf = pdf;
		this.billing = billing;
		this.settings = settings;
	}

	@GetMapping("/me/invoices")
	String list(@AuthenticationPrincipal AccountUser me, Model model) {
		model.addAttribute("invoices", billing.ofCustomer(me.id(), 200));
		model.addAttribute("today", billing.today());
		model.addAttribute("credit", billing.creditOf(me.id()));
		return "billing/invoices";
	}

	@GetMapping("/me/invoices/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal AccountUser me, Model model) {
		Invoice invoice = billing.requireOwned(id, me.id());
		model.addAttribute("invoice", invoice);
		model.addAttribute("today", billing.today());
		model.addAttribute("settings", settings.current());
		model.addAttribute("credit", billing.creditOf(me.id(), invoice.currency()));
		return "billing/invoice";
	}

	@GetMapping("/me/invoices/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal AccountUser me, Locale locale) {
		return InvoicesApiController.pdfResponse(pdf, billing.requireOwned(id, me.id()), locale);
	}

	@PostMapping("/me/invoices/{id}/pay-from-credit")
	String payFromCredit(@PathVariable long id, @AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		billing.requireOwned(id, me.id());
		try {
			billing.payFromCredit(id);
			Flash.success(ra, "billing.credit.used");
		}
		catch (ConflictException ex) {
			Flash.info(ra, ex.code());
		}
		return "redirect:/me/invoices/" + id;
	}

}
