package org.hostwright.ordering;

/**
 * A command to create a pending order; phone in E.164, domain already normalised (or
 * null).
 */
public record PlaceOrder(long customerId, long planId, String phone, String domain, String cause) {
}
