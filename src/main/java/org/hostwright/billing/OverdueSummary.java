package org.hostwright.billing;

import java.util.Map;

/**
 * For the admin dashboard: unpaid invoices past their due date (count, and what they owe
 * per currency), and services suspended for non-payment that are still waiting.
 */
public record OverdueSummary(long overdueInvoices, Map<String, Long> owedByCurrency, long suspendedServices) {
}
