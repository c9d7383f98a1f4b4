/**
 * Orders: checkout, the order state machine ({@link org.hostwright.ordering.OrderStatus})
 * and its timeline. {@link org.hostwright.ordering.Orders} is the module's API; an order
 * that becomes paid publishes {@link org.hostwright.ordering.OrderPaid}, which
 * provisioning consumes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering")
package org.hostwright.ordering;
