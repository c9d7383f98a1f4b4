package org.hostwright.provisioning;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * A plan change of a service: an upgrade waits for its invoice to be paid, then is
 * applied by a job (a downgrade starts there); the panel package changed and the service
 * updated, it is done. After the job's last attempt it has failed (the admins are told
 * and it can be applied again). An upgrade whose invoice is cancelled (it lapsed unpaid,
 * or an admin cancelled it) is cancelled.
 */
public enum PlanChangeStatus implements Lifecycle<PlanChangeStatus> {

	AWAITING_PAYMENT, APPLYING, DONE, FAILED, CANCELLED;

	@Override
	public Set<PlanChangeStatus> targets() {
		return switch (this) {
			// cancelled: its invoice was cancelled (lapsed unpaid, or by an admin)
			case AWAITING_PAYMENT -> EnumSet.of(APPLYING, CANCELLED);
			case APPLYING -> EnumSet.of(DONE, FAILED);
			case FAILED -> EnumSet.of(APPLYING);
			case DONE, CANCELLED -> EnumSet.noneOf(PlanChangeStatus.class);
		};
	}

	/** Whether the change still holds the service's one open slot. */
	public boolean open() {
		return this != DONE && this != CANCELLED;
	}

}
