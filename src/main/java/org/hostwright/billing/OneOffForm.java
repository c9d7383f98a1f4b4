package org.hostwright.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;

/**
 * The admin's "write a one-off invoice" form as typed: every value kept as text so a page
 * with errors shows exactly what was entered. Prices are typed in major units ("2500"
 * shillings, "12.50" euros); blank line rows are ignored.
 */
record OneOffForm(String customerQ, String customerId, String currency, String dueDate, List<Row> lines) {

	static final int ROWS = 5;

	record Row(String description, String quantity, String unitPrice) {

		boolean blank() {
			return isBlank(description) && isBlank(quantity) && isBlank(unitPrice);
		}

	}

	static OneOffForm empty(String currency, LocalDate due) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row("", i == 0 ? "1" : "", ""));
		}
		return new OneOffForm("", "", currency, due.toString(), rows);
	}

	static OneOffForm from(Map<String, String> params) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String at = "lines[" + i + "].";
			rows.add(
					new Row(params.get(at + "description"), params.get(at + "quantity"), params.get(at + "unitPrice")));
		}
		return new OneOffForm(params.get("customerQ"), params.get("customerId"), params.get("currency"),
				params.get("dueDate"), rows);
	}

	Long customer() {
		try {
			return isBlank(customerId) ? null : Long.valueOf(customerId.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The request as the API would receive it, every problem of the form reported at once
	 * under the form's own field names.
	 */
	AdminBillingApiController.NewInvoiceRequest toRequest() {
		List<FieldProblem> problems = new ArrayList<>();
		List<AdminBillingApiController.LineRequest> requests = new ArrayList<>();
		List<Integer> rowOf = new ArrayList<>();
		int digits = digits();
		for (int i = 0; i < lines.size(); i++) {
			Row r = lines.get(i);
			if (r.blank()) {
				continue;
			}
			requests.add(new AdminBillingApiController.LineRequest(r.description(),
					integer(problems, "lines[" + i + "].quantity", r.quantity()),
					minor(problems, "lines[" + i + "].unitPrice", r.unitPrice(), digits)));
			rowOf.add(i);
		}
		var request = new AdminBillingApiController.NewInvoiceRequest(customer(), currency, dueDate, requests);
		try {
			AdminInvoiceForms.oneOff(request);
		}
		catch (InvalidInputException ex) {
			ex.fields()
				.forEach(p -> problems.add(new FieldProblem(formField(p.field(), rowOf), p.code(), p.message())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.stream().distinct().toList());
		}
		return request;
	}

	/** The API's field names as this form names them. */
	private static String formField(String field, List<Integer> rowOf) {
		if (field.startsWith("lines[")) {
			int end = field.indexOf(']');
			int k = Integer.parseInt(field.substring(6, end));
			String rest = field.substring(end + 1).replace(".unit_price_cents", ".unitPrice");
			return "lines[" + (k < rowOf.size() ? rowOf.get(k) : 0) + "]" + rest;
		}
		return switch (field) {
			case "customer_id" -> "customerId";
			case "due_date" -> "dueDate";
			case "lines" -> "lines[0].description";
			default -> field;
		};
	}

	private int digits() {
		try {
			return Math.max(0,
					Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
		}
		catch (RuntimeException ex) {
			// the currency reports its own error; read prices with two decimals meanwhile
			return 2;
		}
	}

	private static Integer integer(List<FieldProblem> problems, String field, String value) {
		try {
			return Integer.valueOf(value == null ? "" : value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "billing.line.quantity.invalid", "Quantity is 1 or more."));
			return 1;
		}
	}

	private static Long minor(List<FieldProblem> problems, String field, String value, int digits) {
		String raw = value == null ? "" : value.replaceAll("[\\s,_]", "");
		try {
			long minor = new BigDecimal(raw).movePointRight(digits).longValueExact();
			if (minor >= 0) {
				return minor;
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(field, "billing.oneOff.price.invalid", "Enter a price of zero or more."));
		return 0L;
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

}
