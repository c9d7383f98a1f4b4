package org.hostwright.billing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.States;

/**
 * Reads the admin's invoice input, collecting every problem so the admin sees them at
 * once.
 */
final class AdminInvoiceForms {

	record OneOff(long customerId, String currency, LocalDate dueDate, List<LineDraft> lines) {
	}

	record Payment(long amount, PaymentMethod method, String reference) {
	}

	private AdminInvoiceForms() {
	}

	static InvoiceFilter filter(String status, Boolean overdue, Long customerId, String q) {
		InvoiceStatus s = null;
		if (status != null && !status.isBlank()) {
			s = States.parse(InvoiceStatus.class, status)
				.orElseThrow(() -> new InvalidInputException("status", "billing.status.unknown",
						"Status is one of draft, unpaid, paid, cancelled, refunded."));
		}
		return new InvoiceFilter(s, overdue != null && overdue, customerId, q);
	}

	static OneOff oneOff(AdminBillingApiController.NewInvoiceRequest body) {
		List<FieldProblem> problems = new ArrayList<>();
		if (body == null) {
			throw new InvalidInputException("customer_id", "billing.customer.required", "Choose the customer.");
		}
		if (body.customerId() == null || body.customerId() <= 0) {
			problems.add(new FieldProblem("customer_id", "billing.customer.required", "Choose the customer."));
		}
		String currency = body.currency() == null ? "" : body.currency().strip().toUpperCase(Locale.ROOT);
		if (!currency.matches("[A-Z]{3}")) {
			problems.add(new FieldProblem("currency", "billing.currency.invalid",
					"Currency is a three-letter code, e.g. TZS."));
		}
		LocalDate due = null;
		try {
			due = date("due_date", body.dueDate());
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
		}
		List<LineDraft> lines = new ArrayList<>();
		if (body.lines() == null || body.lines().isEmpty()) {
			problems.add(new FieldProblem("lines", "billing.lines.required", "Add at least one line."));
		}
		else {
			for (int i = 0; i < body.lines().size(); i++) {
				AdminBillingApiController.LineRequest l = body.lines().get(i);
				String at = "lines[" + i + "].";
				String description = l == null || l.description() == null ? "" : l.description().strip();
				if (description.isEmpty() || description.length() > 500) {
					problems.add(new FieldProblem(at + "description", "billing.line.description.invalid",
							"Describe the line (at most 500 characters)."));
				}
				if (l == null || l.quantity() == null || l.quantity() < 1 || l.quantity() > 100_000) {
					problems.add(new FieldProblem(at + "quantity", "billing.line.quantity.invalid",
							"Quantity is 1 or more."));
				}
				if (l == null || l.unitPriceCents() == null || l.unitPriceCents() < 0
						|| l.unitPriceCents() > 1_000_000_000_000L) {
					problems.add(new FieldProblem(at + "unit_price_cents", "billing.line.price",
							"Unit price is an amount in minor units, zero or more."));
				}
				if (problems.isEmpty()) {
					lines.add(LineDraft.simple(description, l.quantity(), l.unitPriceCents()));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new OneOff(body.customerId(), currency, due, lines);
	}

	static Payment payment(AdminBillingApiController.PaymentRequest body) {
		List<FieldProblem> problems = new ArrayList<>();
		if (body == null || body.amountCents() == null || body.amountCents() <= 0) {
			problems
				.add(new FieldProblem("amount_cents", "billing.amount.positive", "The amount must be more than zero."));
		}
		PaymentMethod method = body == null ? null : States.parse(PaymentMethod.class, body.method()).orElse(null);
		if (method == null || method == PaymentMethod.CREDIT) {
			problems.add(new FieldProblem("method", "billing.method.invalid",
					"Method is one of bank_transfer, cash, mobile_money, manual."));
		}
		String reference = body == null || body.reference() == null ? null : body.reference().strip();
		if (reference != null && reference.length() > 120) {
			problems.add(new FieldProblem("reference", "billing.reference.long",
					"The reference is at most 120 characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Payment(body.amountCents(), method, reference == null || reference.isEmpty() ? null : reference);
	}

	static LocalDate date(String field, String value) {
		try {
			if (value == null || value.isBlank()) {
				throw new DateTimeParseException("blank", "", 0);
			}
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "billing.date.invalid", "Enter a date as YYYY-MM-DD.");
		}
	}

}
