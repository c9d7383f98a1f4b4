package org.hostwright.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The admin dashboard's figures, as served by {@code GET /api/admin/stats/dashboard}.
 * Money is in minor units: {@code totalRevenueCents} and {@code mrrCents} in
 * {@code currency} (the default currency), the other currencies in
 * {@code revenueByCurrency} / {@code mrrByCurrency}. {@code failedServices}: hosting
 * accounts whose setup failed after its last attempt (they wait for a person).
 * {@code overdueInvoices}: unpaid invoices past their due date, what they still owe per
 * currency in {@code overdueByCurrency}; {@code suspendedForNonPayment}: services
 * (hosting and agency client services) suspended for an invoice that is still unpaid.
 */
record DashboardFigures(long totalUsers, long totalPlans, long totalOrders, long activeServices, long pendingOrders,
		long failedOrders, String currency, long totalRevenueCents, long mrrCents, List<DayCount> ordersPerDay,
		List<DayAmount> revenuePerDay, List<TopPlan> topPlans, List<Amount> revenueByCurrency,
		List<Amount> mrrByCurrency, Instant computedAt, long failedServices, long overdueInvoices,
		List<Amount> overdueByCurrency, long suspendedForNonPayment) {

	record DayCount(LocalDate date, long count) {
	}

	/** Revenue received that day in the default currency. */
	record DayAmount(LocalDate date, long amountCents) {
	}

	record TopPlan(long planId, String name, long paidOrders) {
	}

	record Amount(String currency, long amountCents) {
	}

}
