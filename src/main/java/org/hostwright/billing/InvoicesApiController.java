package org.hostwright.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.accounts.AccountUser;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invoices",
		description = "The caller's invoices (pay one by mobile money with POST /api/invoices/{id}/pay)")
@RestController
class InvoicesApiController {

	private final Billing billing;

	private final InvoicePdf pdf;

	InvoicesApiController(Billing billing, InvoicePdf pdf) {
		this.billing = billing;
		this.pdf = pdf;
	}

	@Operation(summary = "One of the caller's invoices as a PDF")
	@GetMapping("/api/invoices/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal AccountUser me, @PathVariable long id, Locale locale) {
		return pdfResponse(pdf, billing.requireOwned(id, me.id()), locale);
	}

	static ResponseEntity<byte[]> pdfResponse(InvoicePdf pdf, Invoice invoice, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(invoice.number() + ".pdf").build().toString())
			.body(pdf.render(invoice, locale));
	}

	@Operation(summary = "The caller's invoices, newest first")
	@GetMapping("/api/me/invoices")
	InvoiceJson.Items mine(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "100") int limit) {
		return new InvoiceJson.Items(billing.ofCustomer(me.id(), Math.max(1, Math.min(limit, 500)))
			.stream()
			.map(i -> InvoiceJson.of(i, billing.today()))
			.toList());
	}

	@Operation(summary = "One of the caller's invoices with its lines (404 for anybody else's)")
	@GetMapping("/api/invoices/{id}")
	InvoiceJson show(@AuthenticationPrincipal AccountUser me, @PathVariable long id) {
		return InvoiceJson.of(billing.requireOwned(id, me.id()), billing.today());
	}

	@Operation(summary = "Pay what the invoice owes from the caller's credit in its currency")
	@PostMapping("/api/invoices/{id}/pay-from-credit")
	InvoiceJson payFromCredit(@AuthenticationPrincipal AccountUser me, @PathVariable long id) {
		billing.requireOwned(id, me.id());
		return InvoiceJson.of(billing.payFromCredit(id), billing.today());
	}

}
