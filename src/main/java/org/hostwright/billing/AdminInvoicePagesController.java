package org.hostwright.billing;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.accounts.AccountUser;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.Money;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin console's invoices: list, invoice page and its actions, CSV export. Every
 * action audited.
 */
@PageController
class AdminInvoicePagesController {

	static final int PAGE = 50;

	private final Billing billing;

	private final InvoiceStore invoices;

	private final AuditLog audit;

	AdminInvoicePagesController(Billing billing, InvoiceStore invoices, AuditLog audit) {
		this.billing = billing;
		this.invoices = invoices;
		this.audit = audit;
	}

	@GetMapping("/admin/invoices")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(name = "customer", required = false) Long customerId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		InvoiceFilter filter;
		try {
			filter = AdminInvoiceForms.filter(status, overdue, customerId, q);
		}
		catch (InvalidInputException ex) {
			filter = new InvoiceFilter(null, false, customerId, q);
		}
		int p = Math.max(0, page);
		var rows = invoices.search(filter, billing.today(), p * PAGE, PAGE + 1);
		model.addAttribute("invoices", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("hasNext", rows.size() > PAGE);
		model.addAttribute("page", p);
		model.addAttribute("filter", filter);
		model.addAttribute("today", billing.today());
		model.addAttribute("statuses", InvoiceStatus.values());
		return "billing/admin-invoices";
	}

	@GetMapping("/admin/invoices/{id}")
	String show(@PathVariable long id, Model model) {
		Invoice invoice = billing.require(id);
		model.addAttribute("invoice", invoice);
		model.addAttribute("today", billing.today());
		model.addAttribute("credit", billing.creditOf(invoice.customerId()));
		return "billing/admin-invoice";
	}

	@PostMapping("/admin/invoices/{id}/payments")
	String pay(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal AccountUser me,
			RedirectAttributes ra) {
		try {
			Long amount = form.get("amount_cents") == null || form.get("amount_cents").isBlank() ? null
					: Long.valueOf(form.get("amount_cents").strip());
			AdminInvoiceForms.Payment p = AdminInvoiceForms.payment(
					new AdminBillingApiController.PaymentRequest(amount, form.get("method"), form.get("reference")));
			Invoice invoice = billing.pay(id, p.amount(), p.method(), p.reference(), me.id());
			audit.record("invoice.payment_recorded", "invoice", invoice.number(),
					p.method().wire() + " " + Money.plain(p.amount(), invoice.currency()));
			Flash.success(ra, "billing.admin.paymentRecorded");
		}
		catch (NumberFormatException ex) {
			Flash.error(ra, "billing.amount.positive");
		}
		catch (InvalidInputException ex) {
			Flash.error(ra, ex.fields().get(0).code());
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
		}
		return "redirect:/admin/invoices/" + id;
	}

	@PostMapping("/admin/invoices/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes ra) {
		return act(id, ra, () -> audit.record("invoice.cancelled", "invoice", billing.cancel(id).number(), null));
	}

	@PostMapping("/admin/invoices/{id}/refund")
	String refund(@PathVariable long id, @RequestParam(defaultValue = "true") boolean toCredit, RedirectAttributes ra) {
		return act(id, ra, () -> audit.record("invoice.refunded", "invoice", billing.refund(id, toCredit).number(),
				toCredit ? "to credit" : "outside Hostwright"));
	}

	/** The filtered list as CSV (every page), streamed. */
	@GetMapping("/admin/invoices.csv")
	void csv(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(name = "customer", required = false) Long customerId,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		InvoiceFilter filter = AdminInvoiceForms.filter(status, overdue, customerId, q);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"invoices.csv\"");
		PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
		out.println(
				"number,status,customer_id,currency,subtotal_cents,tax_cents,total_cents,amount_paid_cents,issued_at,due_date,paid_at");
		int from = 0;
		while (true) {
			var rows = invoices.search(filter, billing.today(), from, 1_000);
			for (Invoice i : rows) {
				out.println(String.join(",", i.number(), i.status().wire(), String.valueOf(i.customerId()),
						i.currency(), String.valueOf(i.subtotalMinor()), String.valueOf(i.taxMinor()),
						String.valueOf(i.totalMinor()), String.valueOf(i.amountPaidMinor()),
						String.valueOf(i.issuedAt()), String.valueOf(i.dueDate()),
						i.paidAt() == null ? "" : i.paidAt().toString()));
			}
			if (rows.size() < 1_000) {
				break;
			}
			from += 1_000;
		}
		out.flush();
	}

	private String act(long id, RedirectAttributes ra, Runnable action) {
		try {
			action.run();
			Flash.success(ra, "billing.admin.done");
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
		}
		return "redirect:/admin/invoices/" + id;
	}

}
