package org.hostwright.payments;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * A payment attempt's states. A failed or expired attempt may still complete: when the
 * gateway later confirms the money arrived, that confirmation wins (the customer paid).
 */
public enum AttemptStatus implements Lifecycle<AttemptStatus> {

	PENDING, COMPLETED, FAILED, EXPIRED;

	@Override
	public Set<AttemptStatus> targets() {
		return switch (this) {
			case PENDING -> EnumSet.of(COMPLETED, FAILED, EXPIRED);
			case FAILED, EXPIRED -> EnumSet.of(COMPLETED);
			case COMPLETED -> EnumSet.noneOf(AttemptStatus.class);
		};
	}

}
