package org.hostwright.platform;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;

/**
 * The dead-execution handler of every job: a run whose node died (it missed its
 * heartbeats) runs again at once, and the run that was cut off does not count as a failed
 * attempt. db-scheduler's own {@code ReviveDeadExecution} adds one to the job's
 * consecutive failures, which the jobs' failure handlers count against their attempt
 * limits (and use for their back-off), so each crash took a real attempt away: an e-mail
 * or an admin's suspension cut off once had one try less. Resetting the streak instead
 * would forget the failures before the crash and give the job more tries than its limit;
 * the streak is kept as it was.
 * <p>
 * {@link #rescheduleUncounted} is the same for a failure handler: a run that could not
 * start (its service held by another job) waits without losing an attempt.
 */
public final class ReviveUncounted<T> implements DeadExecutionHandler<T> {

	@Override
	public void deadExecution(ExecutionComplete dead, ExecutionOperations<T> operations) {
		rescheduleUncounted(dead, operations, dead.getTimeDone());
	}

	/**
	 * Reschedules a run that failed, or was cut off, without adding it to the job's
	 * consecutive failures.
	 */
	public static <T> void rescheduleUncounted(ExecutionComplete run, ExecutionOperations<T> operations, Instant at) {
		if (run.getResult() == ExecutionComplete.Result.FAILED) {
			// db-scheduler stores this very execution's count plus one for a failed run
			// (the scheduler hands the handler the execution it built the operations
			// with; ReviveUncountedTests checks it on a real scheduler): one less first,
			// and the count stays as it was
			run.getExecution().consecutiveFailures--;
		}
		operations.reschedule(run, at);
	}

}
