package org.hostwright.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice on the JSON API: money in minor units with its currency, status in its wire
 * form.
 */
record InvoiceJson(long id, String number, String status, long customerId, String currency, List<LineJson> lines,
		long subtotalCents, long taxCents, long totalCents, long amountPaidCents, long balanceCents, Instant issuedAt,
		LocalDate dueDate, Instant paidAt, boolean overdue, Long orderId) {

	record LineJson(String description, int quantity, long unitPriceCents, BigDecimal taxRate, long taxCents,
			long totalCents, String serviceKind, Long serviceId, LocalDate periodStart, LocalDate periodEnd) {
	}

	static InvoiceJson of(Invoice i, LocalDate today) {
		return new InvoiceJson(i.id(), i.number(), i.status().wire(), i.customerId(), i.currency(),
				i.lines()
					.stream()
					.map(l -> new LineJson(l.description(), l.quantity(), l.unitPriceMinor(),
							BigDecimal.valueOf(l.taxRateBp(), 2).stripTrailingZeros(), l.taxMinor(), l.totalMinor(),
							l.serviceKind(), l.serviceId(), l.periodStart(), l.periodEnd()))
					.toList(),
				i.subtotalMinor(), i.taxMinor(), i.totalMinor(), i.amountPaidMinor(), i.balanceMinor(), i.issuedAt(),
				i.dueDate(), i.paidAt(), i.overdue(today), i.orderId());
	}

	record Items(List<InvoiceJson> items) {
	}

}
