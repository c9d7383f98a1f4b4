package org.hostwright.provisioning;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * A plan change of a service: an upgrade with something to pay waits for its invoice to
 * be paid, then is applied by a job (a downgrade, or an upgrade with nothing to pay,
 * starts there); the panel package changed and the service updated, it is done. After the
 * job's last attempt it has failed (the admins are told; an admin retries it or cancels
 * it). A change waiting for payment is cancelled by the customer, an admin, or the
 * cancellation of its invoice.
 */
public enum PlanChangeStatus implements Lifecycle<PlanChangeStatus> {

	AWAITING_PAYMENT, APPLYING, DONE, FAILED, CANCELLED;

	@Override
	public Set<PlanChangeStatus> targets() {
		return switch (this) {
			case AWAITING_PAYMENT -> EnumSet.of(APPLYING, CANCELLED);
			case APPLYING -> EnumSet.of(DONE, FAILED);
			case FAILED -> EnumSet.of(APPLYING, CANCELLED);
			case DONE, CANCELLED -> EnumSet.noneOf(PlanChangeStatus.class);
		};
	}

	/** Whether the change still holds the service's one open slot. */
	public boolean open() {
		return this != DONE && this != CANCELLED;
	}

}
