package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.hostwright.platform.ReviveUncounted;

/**
 * The configured back-off ({@code hostwright.provisioning.backoff}) and attempt limit: a
 * failed run is rescheduled after the next wait until the last attempt, then
 * {@code giveUp} records the failure and the job ends. A run that found the service busy
 * is retried when the other run's claim ends, without counting as an attempt.
 */
final class RetryWithBackoff<T> implements FailureHandler<T> {

	private final ProvisioningProperties properties;

	private final ToIntFunction<T> attemptsSoFar;

	private final BiConsumer<T, String> giveUp;

	private final Clock clock;

	RetryWithBackoff(ProvisioningProperties properties, ToIntFunction<T> attemptsSoFar, BiConsumer<T, String> giveUp,
			Clock clock) {
		this.properties = properties;
		this.attemptsSoFar = attemptsSoFar;
		this.giveUp = giveUp;
		this.clock = clock;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
		Throwable cause = complete.getCause().orElse(null);
		if (cause instanceof ServiceBusyException busy) {
			// it never started: waiting for the other job is not an attempt
			ReviveUncounted.rescheduleUncounted(complete, operations, busy.until());
			return;
		}
		T data = (T) complete.getExecution().taskInstance.getData();
		int failures = Math.max(attemptsSoFar.applyAsInt(data), complete.getExecution().consecutiveFailures + 1);
		if (failures >= properties.maxAttempts()) {
			giveUp.accept(data,
					(cause == null ? "unknown error" : cause.getMessage()) + " (after " + failures + " attempts)");
			operations.remove();
		}
		else {
			operations.reschedule(complete, Instant.now(clock).plus(properties.backoffAfter(failures)));
		}
	}

}
