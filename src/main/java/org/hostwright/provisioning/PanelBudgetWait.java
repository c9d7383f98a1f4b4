package org.hostwright.provisioning;

import java.time.Instant;

/**
 * A provisioning run found its panel server's call budget taken: the job is rescheduled
 * for {@code until} (not a failure, not counted as an attempt) instead of blocking a job
 * thread.
 */
class PanelBudgetWait extends RuntimeException {

	private final Instant until;

	PanelBudgetWait(long serviceId, Instant until) {
		super("service " + serviceId + " waits for its panel server's rate limit until " + until, null, false, false);
		this.until = until;
	}

	Instant until() {
		return until;
	}

}
