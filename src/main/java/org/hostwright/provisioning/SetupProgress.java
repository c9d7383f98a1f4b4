package org.hostwright.provisioning;

import java.time.Instant;

/**
 * How far the setup of a hosting account has come, as the customer's pages show it while
 * they refresh themselves: the step (1 paid, 2 creating the account, 3 ready), the
 * attempt out of how many, when the next one starts after a failed one, and when the
 * account should be ready.
 *
 * @param minutesLeft the estimate rounded up to whole minutes (at least 1 while in
 * progress, 0 once finished)
 */
public record SetupProgress(long serviceId, ServiceStatus status, int step, int attempt, int maxAttempts,
		boolean retrying, Instant nextAttemptAt, Instant estimatedReadyAt, long minutesLeft) {

	/** Whether a job is (or will be) working on it: the page keeps refreshing. */
	public boolean inProgress() {
		return status.inProgress();
	}

	public boolean failed() {
		return status == ServiceStatus.FAILED;
	}

	public boolean active() {
		return status == ServiceStatus.ACTIVE;
	}

	/**
	 * The setup's one name on every page and API answer: {@code setting_up},
	 * {@code failed} or {@code ready}.
	 */
	public String state() {
		return inProgress() ? "setting_up" : failed() ? "failed" : "ready";
	}

}
