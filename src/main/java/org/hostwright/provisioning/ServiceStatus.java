package org.hostwright.provisioning;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * Hosting service states and the moves allowed between them: requested → provisioning →
 * active; provisioning → failed after the last attempt; active ⇄ suspended; re-provision
 * moves failed/active back to requested; anything but cancelled can be terminated
 * (cancelled).
 */
public enum ServiceStatus implements Lifecycle<ServiceStatus> {

	REQUESTED, PROVISIONING, ACTIVE, FAILED, SUSPENDED, CANCELLED;

	@Override
	public Set<ServiceStatus> targets() {
		return switch (this) {
			case REQUESTED -> EnumSet.of(PROVISIONING, FAILED, CANCELLED);
			case PROVISIONING -> EnumSet.of(ACTIVE, FAILED, REQUESTED, CANCELLED);
			case ACTIVE -> EnumSet.of(SUSPENDED, CANCELLED, REQUESTED);
			case FAILED -> EnumSet.of(REQUESTED, PROVISIONING, CANCELLED);
			case SUSPENDED -> EnumSet.of(ACTIVE, CANCELLED);
			case CANCELLED -> EnumSet.noneOf(ServiceStatus.class);
		};
	}

	/**
	 * Whether a provisioning job is (or should be) working on it: pages poll while it is.
	 */
	public boolean inProgress() {
		return this == REQUESTED || this == PROVISIONING;
	}

	/**
	 * Whether the customer still has something on a panel (account deletion is refused
	 * then).
	 */
	public boolean live() {
		return this != FAILED && this != CANCELLED;
	}

}
