package org.hostwright.billing;

/** The admin list's filters; each may be absent. */
record InvoiceFilter(InvoiceStatus status, boolean overdue, Long customerId, String q) {
}
