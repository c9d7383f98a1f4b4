package org.hostwright.billing;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.hostwright.platform.web.PageController;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Any invoice's PDF and printable HTML for the admins, written in the customer's language
 * (what the customer received), not the admin's.
 */
@PageController
class AdminInvoiceDocumentsController {

	private final Billing billing;

	private final InvoicePdf documents;

	AdminInvoiceDocumentsController(Billing billing, InvoicePdf documents) {
		this.billing = billing;
		this.documents = documents;
	}

	@Operation(summary = "Any invoice as a PDF, in the customer's language")
	@GetMapping({ "/admin/invoices/{id}/pdf", "/api/admin/invoices/{id}/pdf" })
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		return InvoicesApiController.pdfResponse(documents, billing.require(id), locale);
	}

	@GetMapping(value = "/admin/invoices/{id}/document", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String html(@PathVariable long id, Locale locale) {
		return documents.html(billing.require(id), locale);
	}

}
