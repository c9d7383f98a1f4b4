package org.hostwright.billing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin writes a one-off invoice: the customer found by name or e-mail, the currency,
 * the due date and up to {@link OneOffForm#ROWS} lines. A page with errors keeps what was
 * typed; the invoice is issued like any other (number, tax, credit) and audited.
 */
@PageController
class AdminOneOffInvoiceController {

	private final Billing billing;

	private final Accounts accounts;

	private final AuditLog audit;

	private final PlatformProperties platform;

	AdminOneOffInvoiceController(Billing billing, Accounts accounts, AuditLog audit, PlatformProperties platform) {
		this.billing = billing;
		this.accounts = accounts;
		this.audit = audit;
		this.platform = platform;
	}

	@GetMapping("/admin/invoices/new")
	String form(Model model) {
		return page(OneOffForm.empty(platform.defaultCurrency(), billing.today().plusDays(14)), Map.of(), model);
	}

	/** The customers matching what the admin typed (htmx swaps the list in). */
	@GetMapping("/admin/invoices/new/customers")
	String customers(@RequestParam(required = false) String customerQ, Model model) {
		model.addAttribute("customers", accounts.searchCustomers(customerQ));
		model.addAttribute("customerQ", customerQ);
		model.addAttribute("chosen", null);
		return "billing/one-off :: customers";
	}

	@PostMapping("/admin/invoices/new")
	String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes ra) {
		OneOffForm form = OneOffForm.from(params);
		if ("search".equals(params.get("action"))) {
			return page(form, Map.of(), model);
		}
		try {
			var request = form.toRequest();
			Account customer = accounts.find(request.customerId())
				.filter(a -> !a.admin())
				.orElseThrow(() -> new InvalidInputException("customerId", "billing.customer.required",
						"Choose the customer."));
			var oneOff = AdminInvoiceForms.oneOff(request);
			Invoice invoice = billing
				.require(billing.issue(customer.id(), oneOff.currency(), oneOff.dueDate(), oneOff.lines()));
			audit.record("invoice.created", "invoice", invoice.number(),
					invoice.totalMinor() + " " + invoice.currency() + " for " + customer.email());
			Flash.success(ra, "billing.oneOff.created", invoice.number());
			return "redirect:/admin/invoices/" + invoice.id();
		}
		catch (InvalidInputException ex) {
			Map<String, FieldProblem> errors = new HashMap<>();
			ex.fields().forEach(p -> errors.putIfAbsent(p.field(), p));
			return page(form, errors, model);
		}
	}

	private String page(OneOffForm form, Map<String, FieldProblem> errors, Model model) {
		Account chosen = form.customer() == null ? null : accounts.find(form.customer()).orElse(null);
		List<Account> matches = accounts.searchCustomers(form.customerQ())
			.stream()
			.filter(a -> chosen == null || a.id() != chosen.id())
			.toList();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("chosen", chosen);
		model.addAttribute("customers", matches);
		model.addAttribute("customerQ", form.customerQ());
		return "billing/one-off";
	}

}
