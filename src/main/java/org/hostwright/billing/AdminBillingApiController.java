package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.accounts.AccountUser;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.Money;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing (admin)", description = "Invoices, payments, credit and the billing run")
@RestController
class AdminBillingApiController {

	private final Billing billing;

	private final InvoiceStore invoices;

	private final BillingRun run;

	private final AuditLog audit;

	AdminBillingApiController(Billing billing, InvoiceStore invoices, BillingRun run, AuditLog audit) {
		this.billing = billing;
		this.invoices = invoices;
		this.run = run;
		this.audit = audit;
	}

	record Page(List<InvoiceJson> items, int page, int size) {
	}

	record NewInvoiceRequest(Long customerId, String currency, String dueDate, List<LineRequest> lines) {
	}

	record LineRequest(String description, Integer quantity, Long unitPriceCents) {
	}

	record PaymentRequest(Long amountCents, String method, String reference) {
	}

	record RefundRequest(Boolean toCredit) {
	}

	record Balance(String currency, long amountCents) {
	}

	record Credit(long customerId, List<Balance> balances) {
	}

	record RunRequest(String date) {
	}

	record RunResponse(LocalDate date, Map<String, Integer> steps) {
	}

	@Operation(
			summary = "Invoices, newest first (overdue=true: by due date, the oldest first), filtered by status, overdue, customer or number (q)")
	@GetMapping("/api/admin/invoices")
	Page list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(name = "customer_id", required = false) Long customerId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		InvoiceFilter filter = AdminInvoiceForms.filter(status, overdue, customerId, q);
		int pageSize = Math.max(1, Math.min(size, 200));
		int from = Math.max(0, page) * pageSize;
		LocalDate today = billing.today();
		return new Page(
				invoices.search(filter, today, from, pageSize).stream().map(i -> InvoiceJson.of(i, today)).toList(),
				Math.max(0, page), pageSize);
	}

	@Operation(summary = "One invoice with its lines")
	@GetMapping("/api/admin/invoices/{id}")
	InvoiceJson show(@PathVariable long id) {
		return InvoiceJson.of(billing.require(id), billing.today());
	}

	@Operation(summary = "Write a one-off invoice (issued at once, numbered)")
	@PostMapping("/api/admin/invoices")
	@ResponseStatus(HttpStatus.CREATED)
	InvoiceJson create(@RequestBody NewInvoiceRequest body) {
		AdminInvoiceForms.OneOff oneOff = AdminInvoiceForms.oneOff(body);
		long id = billing.issue(oneOff.customerId(), oneOff.currency(), oneOff.dueDate(), oneOff.lines());
		Invoice invoice = billing.require(id);
		audit.record("invoice.created", "invoice", invoice.number(),
				Money.plain(invoice.totalMinor(), invoice.currency()));
		return InvoiceJson.of(invoice, billing.today());
	}

	@Operation(summary = "Record a payment received by bank transfer, cash or mobile money by hand")
	@PostMapping("/api/admin/invoices/{id}/payments")
	@ResponseStatus(HttpStatus.CREATED)
	InvoiceJson pay(@PathVariable long id, @RequestBody PaymentRequest body, @AuthenticationPrincipal AccountUser me) {
		AdminInvoiceForms.Payment p = AdminInvoiceForms.payment(body);
		Invoice invoice = billing.pay(id, p.amount(), p.method(), p.reference(), me == null ? null : me.id());
		audit.record("invoice.payment_recorded", "invoice", invoice.number(),
				p.method().wire() + " " + Money.plain(p.amount(), invoice.currency())
						+ (p.reference() == null ? "" : ", reference " + p.reference()));
		return InvoiceJson.of(invoice, billing.today());
	}

	@Operation(summary = "Cancel (void) an unpaid invoice; it keeps its number")
	@PostMapping("/api/admin/invoices/{id}/cancel")
	InvoiceJson cancel(@PathVariable long id) {
		Invoice invoice = billing.cancel(id);
		audit.record("invoice.cancelled", "invoice", invoice.number(), null);
		return InvoiceJson.of(invoice, billing.today());
	}

	@Operation(summary = "Refund a paid invoice: to the customer's credit (to_credit true, the default) or outside")
	@PostMapping("/api/admin/invoices/{id}/refund")
	InvoiceJson refund(@PathVariable long id, @RequestBody(required = false) RefundRequest body) {
		boolean toCredit = body == null || body.toCredit() == null || body.toCredit();
		Invoice invoice = billing.refund(id, toCredit);
		audit.record("invoice.refunded", "invoice", invoice.number(), toCredit ? "to credit" : "outside Hostwright");
		return InvoiceJson.of(invoice, billing.today());
	}

	@Operation(summary = "A customer's credit balance per currency")
	@GetMapping("/api/admin/customers/{id}/credit")
	Credit credit(@PathVariable long id) {
		List<Balance> balances = new ArrayList<>();
		billing.creditOf(id).forEach((currency, amount) -> balances.add(new Balance(currency, amount)));
		return new Credit(id, balances);
	}

	@Operation(summary = "Run the billing automation now (the daily job's code) and answer counts per step")
	@PostMapping("/api/admin/billing/run")
	RunResponse run(@RequestBody(required = false) RunRequest body) {
		LocalDate date = body == null || body.date() == null || body.date().isBlank() ? billing.today()
				: AdminInvoiceForms.date("date", body.date());
		BillingRun.Report report = run.run(date);
		audit.record("billing.run", "billing_run", date, report.steps().toString());
		return new RunResponse(report.date(), report.steps());
	}

	@Operation(
			summary = "What the billing run would do on a date (default: the next run), step by step: invoices, restorations, reminders, late_fees, suspensions, termination_warnings, terminations, upgrade_lapses")
	@GetMapping("/api/admin/billing/preview")
	Map<String, List<?>> preview(@RequestParam(required = false) String date) {
		return run.preview(date == null || date.isBlank() ? run.nextRunDate() : AdminInvoiceForms.date("date", date),
				500);
	}

}
