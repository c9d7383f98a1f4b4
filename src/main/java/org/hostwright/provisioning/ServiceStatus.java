package org.hostwright.provisioning;

import java.util.EnumSet;
import java.util.Set;

/**
 * Hosting service states and the moves allowed between them: requested → provisioning → active;
 * provisioning → failed after the last attempt; active ⇄ suspended; re-provision moves
 * failed/active back to requested; anything but cancelled can be terminated (cancelled).
 */
public enum ServiceStatus {

	REQUESTED, PROVISIONING, ACTIVE, FAILED, SUSPENDED, CANCELLED;

	private Set<ServiceStatus> targets;

	static {
		REQUESTED.targets = EnumSet.of(PROVISIONING, FAILED, CANCELLED);
		PROVISIONING.targets = EnumSet.of(ACTIVE, FAILED, REQUESTED, CANCELLED);
		ACTIVE.targets = EnumSet.of(SUSPENDED, CANCELLED, REQUESTED);
		FAILED.targets = EnumSet.of(REQUESTED, PROVISIONING, CANCELLED);
		SUSPENDED.targets = EnumSet.of(ACTIVE, CANCELLED);
		CANCELLED.targets = EnumSet.noneOf(ServiceStatus.class);
	}

	public boolean canMoveTo(ServiceStatus target) {
		return targets.contains(target);
	}

	public Set<ServiceStatus> targets() {
		return targets.isEmpty() ? EnumSet.noneOf(ServiceStatus.class) : EnumSet.copyOf(targets);
	}

	/** Whether a provisioning job is (or should be) working on it: pages poll while it is. */
	public boolean inProgress() {
		return this == REQUESTED || this == PROVISIONING;
	}

	/** Whether the customer still has something on a panel (account deletion is refused then). */
	public boolean live() {
		return this != FAILED && this != CANCELLED;
	}

	public String key() {
		return name().toLowerCase();
	}

	/** Bootstrap colour of the status badge. */
	public String css() {
		return switch (this) {
			case ACTIVE -> "text-bg-success";
			case REQUESTED, PROVISIONING -> "text-bg-info";
			case SUSPENDED -> "text-bg-warning";
			case FAILED -> "text-bg-danger";
			case CANCELLED -> "text-bg-secondary";
		};
	}

}
