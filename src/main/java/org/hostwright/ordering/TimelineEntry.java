package org.hostwright.ordering;

import java.time.Instant;

/** One status change of an order. {@code from} is null for the creation. */
public record TimelineEntry(Instant occurredAt, OrderStatus from, OrderStatus to, String cause) {
}
