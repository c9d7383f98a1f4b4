package org.hostwright.ordering;

import java.util.EnumSet;
import java.util.Set;

/**
 * Order states and the moves allowed between them. pending → paid → active; pending → failed
 * (payment failed; a new attempt may still pay it: failed → paid); pending/failed → cancelled.
 */
public enum OrderStatus {

	PENDING, PAID, ACTIVE, FAILED, CANCELLED;

	private Set<OrderStatus> targets;

	static {
		PENDING.targets = EnumSet.of(PAID, FAILED, CANCELLED);
		PAID.targets = EnumSet.of(ACTIVE);
		ACTIVE.targets = EnumSet.noneOf(OrderStatus.class);
		FAILED.targets = EnumSet.of(PAID, CANCELLED);
		CANCELLED.targets = EnumSet.noneOf(OrderStatus.class);
	}

	public boolean canMoveTo(OrderStatus target) {
		return targets.contains(target);
	}

	public Set<OrderStatus> targets() {
		return EnumSet.copyOf(targets.isEmpty() ? EnumSet.noneOf(OrderStatus.class) : targets);
	}

	/** Whether money was received for an order in this state. */
	public boolean paid() {
		return this == PAID || this == ACTIVE;
	}

	public String key() {
		return name().toLowerCase();
	}

}
