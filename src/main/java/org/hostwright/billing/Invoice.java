package org.hostwright.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice as issued, with its lines (amounts in minor units of {@code currency}). */
public record Invoice(long id, String number, long customerId, String currency, InvoiceStatus status,
		long subtotalMinor, long taxMinor, long totalMinor, long amountPaidMinor, Instant issuedAt, LocalDate dueDate,
		Instant paidAt, Long orderId, Long subscriptionId, LocalDate periodStart, boolean pricesIncludeTax,
		Party customer, Party business, List<Line> lines) {

	/**
	 * A name, address, country and tax id as printed on the invoice when it was issued.
	 */
	public record Party(String name, String email, String address, String country, String taxId) {
	}

	/**
	 * One line: what, which service and period, how many, at what price, its tax and
	 * total.
	 */
	public record Line(String description, String serviceKind, Long serviceId, LocalDate periodStart,
			LocalDate periodEnd, int quantity, long unitPriceMinor, int taxRateBp, long taxMinor, long totalMinor) {

		public String taxPercent() {
			return TaxRule.percent(taxRateBp);
		}

	}

	/** What is still owed (nothing once it is no longer open). */
	public long balanceMinor() {
		return status.open() ? Math.max(0, totalMinor - amountPaidMinor) : 0;
	}

	public boolean overdue(LocalDate today) {
		return status.open() && dueDate.isBefore(today);
	}

	Invoice withLines(List<Line> all) {
		return new Invoice(id, number, customerId, currency, status, subtotalMinor, taxMinor, totalMinor,
				amountPaidMinor, issuedAt, dueDate, paidAt, orderId, subscriptionId, periodStart, pricesIncludeTax,
				customer, business, all);
	}

}
