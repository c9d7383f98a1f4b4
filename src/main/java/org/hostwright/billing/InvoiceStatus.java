package org.hostwright.billing;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * An invoice's life: issued unpaid, then paid, cancelled (void, keeps its number) or
 * refunded.
 */
public enum InvoiceStatus implements Lifecycle<InvoiceStatus> {

	DRAFT, UNPAID, PAID, CANCELLED, REFUNDED;

	@Override
	public Set<InvoiceStatus> targets() {
		switch (this) {
			case DRAFT:
				return EnumSet.of(UNPAID, CANCELLED);
			case UNPAID:
				return EnumSet.of(PAID, CANCELLED);
			case PAID:
				return EnumSet.of(REFUNDED);
			default:
				return EnumSet.noneOf(InvoiceStatus.class);
		}
	}

	/** Whether money is still expected on it. */
	public boolean open() {
		return this == UNPAID;
	}

}
