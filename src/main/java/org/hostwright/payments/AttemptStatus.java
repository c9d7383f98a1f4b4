package org.hostwright.payments;

import java.util.EnumSet;
import java.util.Set;

/**
 * A payment attempt's states. A failed or expired attempt may still complete: when the gateway later
 * confirms the money arrived, that confirmation wins (the customer paid).
 */
public enum AttemptStatus {

	PENDING, COMPLETED, FAILED, EXPIRED;

	private Set<AttemptStatus> targets;

	static {
		PENDING.targets = EnumSet.of(COMPLETED, FAILED, EXPIRED);
		COMPLETED.targets = EnumSet.noneOf(AttemptStatus.class);
		FAILED.targets = EnumSet.of(COMPLETED);
		EXPIRED.targets = EnumSet.of(COMPLETED);
	}

	public boolean canMoveTo(AttemptStatus target) {
		return targets.contains(target);
	}

	public String key() {
		return name().toLowerCase();
	}

}
