package org.hostwright.billing;

import java.time.LocalDate;

/**
 * A renewal was paid and its subscription moved one period on, once: the service of
 * {@code kind} {@code sourceId} is paid from {@code periodStart} until the day before
 * {@code nextDueDate}. The owner of the service (the agency for its client services)
 * extends it.
 */
public record RenewalPaid(String kind, long sourceId, LocalDate periodStart, LocalDate nextDueDate, long invoiceId) {
}
