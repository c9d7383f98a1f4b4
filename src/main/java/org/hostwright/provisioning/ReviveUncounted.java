package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;

/**
 * Runs a job again at once when the node running it died (it missed its heartbeats),
 * without counting the cut-off run as a failure. db-scheduler's own
 * {@code ReviveDeadExecution} adds one to the job's consecutive failures, which
 * {@link RetryWithBackoff} counts against the attempt limit, so each crash took a real
 * attempt away: a service cut off once and then refused twice by the panel was given up
 * after two attempts of three. The job's failure streak starts again instead; what a job
 * has really tried stays in its own table (a service's {@code attempts}).
 */
final class ReviveUncounted<T> implements DeadExecutionHandler<T> {

	private final Clock clock;

	ReviveUncounted(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void deadExecution(ExecutionComplete dead, ExecutionOperations<T> operations) {
		Instant now = Instant.now(clock);
		operations.reschedule(ExecutionComplete.success(dead.getExecution(), now, now), now);
	}

}
