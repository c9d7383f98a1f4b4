package org.hostwright.ordering;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * Order states and the moves allowed between them. pending → paid → active; pending →
 * failed (payment failed; a new attempt may still pay it: failed → paid); pending/failed
 * → cancelled.
 */
public enum OrderStatus implements Lifecycle<OrderStatus> {

	PENDING, PAID, ACTIVE, FAILED, CANCELLED;

	@Override
	public Set<OrderStatus> targets() {
		return switch (this) {
			case PENDING -> EnumSet.of(PAID, FAILED, CANCELLED);
			case PAID -> EnumSet.of(ACTIVE);
			case FAILED -> EnumSet.of(PAID, CANCELLED);
			case ACTIVE, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	/** Whether money was received for an order in this state. */
	public boolean paid() {
		return this == PAID || this == ACTIVE;
	}

}
