package org.hostwright.provisioning;

import java.util.Locale;

/** Admin actions that change an account on the panel, each run as a job. */
enum PanelAction {

	SUSPEND(ServiceStatus.SUSPENDED), ACTIVATE(ServiceStatus.ACTIVE), TERMINATE(ServiceStatus.CANCELLED);

	private final ServiceStatus target;

	PanelAction(ServiceStatus target) {
		this.target = target;
	}

	ServiceStatus target() {
		return target;
	}

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Job data: {@code "<serviceId>:<ACTION>"}. */
	String data(long serviceId) {
		return serviceId + ":" + name();
	}

}
