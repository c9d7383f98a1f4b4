package org.hostwright.ordering;

import java.util.UUID;

/** Published in the transaction that marks an order paid; provisioning starts from it. */
public record OrderPaid(long orderId, UUID orderUuid, long customerId, long planId) {
}
