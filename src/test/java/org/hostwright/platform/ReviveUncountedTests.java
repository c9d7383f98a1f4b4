package org.hostwright.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.hostwright.support.DeadNodeRig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real db-scheduler: a run cut off by its node's death, and a run that could not
 * start, leave the job's count of consecutive failures as it was; db-scheduler's own
 * revival adds one.
 */
class ReviveUncountedTests {

	/** The failure count each run of the job saw, and the one its failure handler saw. */
	private final List<Integer> runsSaw = new CopyOnWriteArrayList<>();

	private final List<Integer> failuresSaw = new CopyOnWriteArrayList<>();

	@Test
	void aRunCutOffByADeadNodeRunsAgainWithTheFailuresItHadBefore() throws Exception {
		OneTimeTask<Void> job = failingJob(new ReviveUncounted<>());
		try (DeadNodeRig rig = new DeadNodeRig(job)) {
			rig.diedRunning(job.instance("1"), 2);
			rig.startLiveNode();

			await().atMost(Duration.ofSeconds(10)).until(() -> !failuresSaw.isEmpty());
			assertThat(runsSaw).containsExactly(2);
			assertThat(failuresSaw).containsExactly(2);
		}
	}

	@Test
	void dbSchedulersOwnRevivalCountsTheCutOffRunAsAFailure() throws Exception {
		// what every job did before: the reason for ReviveUncounted
		OneTimeTask<Void> job = failingJob(new DeadExecutionHandler.ReviveDeadExecution<>());
		try (DeadNodeRig rig = new DeadNodeRig(job)) {
			rig.diedRunning(job.instance("1"), 2);
			rig.startLiveNode();

			await().atMost(Duration.ofSeconds(10)).until(() -> !failuresSaw.isEmpty());
			assertThat(runsSaw).containsExactly(3);
		}
	}

	@Test
	void aRunRescheduledUncountedByItsFailureHandlerKeepsTheCount() throws Exception {
		OneTimeTask<Void> job = Tasks.oneTime("uncounted-wait").onFailure((complete, operations) -> {
			failuresSaw.add(complete.getExecution().consecutiveFailures);
			if (failuresSaw.size() < 3) {
				ReviveUncounted.rescheduleUncounted(complete, operations, Instant.now());
			}
			else {
				operations.remove();
			}
		}).onDeadExecution(new ReviveUncounted<>()).execute((instance, context) -> {
			runsSaw.add(context.getExecution().consecutiveFailures);
			throw new IllegalStateException("busy");
		});
		try (DeadNodeRig rig = new DeadNodeRig(job)) {
			rig.diedRunning(job.instance("1"), 1);
			rig.startLiveNode();

			await().atMost(Duration.ofSeconds(10)).until(() -> !rig.pending(job.instance("1")));
			assertThat(runsSaw).containsExactly(1, 1, 1);
		}
	}

	private OneTimeTask<Void> failingJob(DeadExecutionHandler<Void> onDead) {
		return Tasks.oneTime("cut-off").onFailure((complete, operations) -> {
			failuresSaw.add(complete.getExecution().consecutiveFailures);
			operations.remove();
		}).onDeadExecution(onDead).execute((instance, context) -> {
			runsSaw.add(context.getExecution().consecutiveFailures);
			throw new IllegalStateException("the panel refused");
		});
	}

}
