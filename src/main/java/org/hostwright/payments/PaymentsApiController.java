package org.hostwright.payments;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.accounts.AccountUser;
import org.hostwright.ordering.OrderView;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payments", description = "Mobile-money payments of orders")
@RestController
class PaymentsApiController {

	private final Payments payments;

	private final ManualPayments manual;

	PaymentsApiController(Payments payments, ManualPayments manual) {
		this.payments = payments;
		this.manual = manual;
	}

	record PayResponse(String status, String provider, String gatewayOrderId, String message) {
	}

	record PayRequest(String phone) {
	}

	record ManualPaymentRequest(String reference, Long amountCents) {
	}

	record ManualPaymentResponse(UUID orderUuid, String status, String paymentReference) {
	}

	@Operation(
			summary = "Push a mobile-money payment to the given phone or the order's (the provider is detected from the number), or return the one waiting for that number; 409 while a request to another number is still waiting (a new one is possible once it has finished or expired). Follow it with GET /api/orders/{uuid}")
	@PostMapping("/api/orders/{uuid}/pay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	PayResponse pay(@AuthenticationPrincipal AccountUser me, @PathVariable String uuid,
			@RequestBody(required = false) PayRequest body) {
		Payments.Started s = payments.start(PayController.parse(uuid), me.id(), body == null ? null : body.phone());
		return new PayResponse(s.status().wire(), s.provider(), s.gatewayOrderId(), s.message());
	}

	record InvoicePayRequest(String phone) {
	}

	@Operation(
			summary = "Push a mobile-money payment of what the caller's invoice owes (a renewal) to the given phone or the account's; follow it with GET /api/invoices/{id}")
	@PostMapping("/api/invoices/{id}/pay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	PayResponse payInvoice(@AuthenticationPrincipal AccountUser me, @PathVariable long id,
			@RequestBody(required = false) InvoicePayRequest body) {
		Payments.Started s = payments.startInvoice(id, me.id(), body == null ? null : body.phone());
		return new PayResponse(s.status().wire(), s.provider(), s.gatewayOrderId(), s.message());
	}

	@Operation(summary = "Record a payment received outside the gateway on a pending order (audited)")
	@PostMapping("/api/admin/orders/{uuid}/payments")
	@ResponseStatus(HttpStatus.CREATED)
	ManualPaymentResponse manual(@PathVariable String uuid, @RequestBody ManualPaymentRequest body) {
		OrderView order = manual.record(PayController.parse(uuid), body.reference(), body.amountCents());
		return new ManualPaymentResponse(order.uuid(), order.status().wire(), order.paymentReference());
	}

}
