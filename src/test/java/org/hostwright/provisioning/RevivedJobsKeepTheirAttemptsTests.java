package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.support.DeadNodeRig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The admin action and plan change jobs, as {@link ProvisioningJobs} builds them, on a
 * real db-scheduler: a run cut off by its node's death, and a run that found the service
 * held (by the dead run's lease, or by another job), are not failed attempts; only runs
 * that really failed count towards the three.
 */
class RevivedJobsKeepTheirAttemptsTests {

	private final ProvisioningProperties properties = new ProvisioningProperties(List.of(Duration.ofMillis(50)), 3,
			"pkg", "", "", "example.test", 1, Duration.ofMinutes(10));

	private final Clock clock = Clock.systemUTC();

	@Test
	void anAdminActionCutOffByACrashStillGetsItsThreeAttempts() throws Exception {
		PanelActions actions = mock(PanelActions.class);
		doAnswer(call -> {
			throw new PanelException(PanelException.Kind.REFUSED, "the panel refused");
		}).when(actions).run(anyString());
		OneTimeTask<String> job = new ProvisioningJobs().serviceActionTask(actions, properties, clock);
		TaskInstance<String> suspension = job.instance("service-1-suspend", "1:SUSPEND");
		try (DeadNodeRig rig = new DeadNodeRig(job)) {
			// one real failure, then a run cut off by the crash
			rig.diedRunning(suspension, 1);
			rig.startLiveNode();

			await().atMost(Duration.ofSeconds(10)).until(() -> !rig.pending(suspension));
		}
		// before: given up after one run (the crash counted as the second failure)
		verify(actions, times(2)).run("1:SUSPEND");
		verify(actions).giveUp(eq("1:SUSPEND"), contains("after 3 attempts"));
	}

	@Test
	void anAdminActionWaitingForABusyServiceLosesNoAttempt() throws Exception {
		PanelActions actions = mock(PanelActions.class);
		AtomicInteger runs = new AtomicInteger();
		doAnswer(call -> {
			if (runs.incrementAndGet() <= 2) {
				throw new ServiceBusyException(1, Instant.now());
			}
			throw new PanelException(PanelException.Kind.REFUSED, "the panel refused");
		}).when(actions).run(anyString());
		OneTimeTask<String> job = new ProvisioningJobs().serviceActionTask(actions, properties, clock);
		TaskInstance<String> activation = job.instance("service-1-activate", "1:ACTIVATE");
		try (DeadNodeRig rig = new DeadNodeRig(job)) {
			rig.diedRunning(activation, 0);
			rig.startLiveNode();

			await().atMost(Duration.ofSeconds(10)).until(() -> !rig.pending(activation));
		}
		// two waits, then three real attempts (before: given up after one)
		assertThat(runs).hasValue(5);
		verify(actions).giveUp(eq("1:ACTIVATE"), contains("after 3 attempts"));
	}

	@Test
	void aPlanChangeCutOffByACrashStillGetsItsThreeAttempts() throws Exception {
		PlanChangeApplier applier = mock(PlanChangeApplier.class);
		// what the change row counts: the runs that failed and said so
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger runs = new AtomicInteger();
		doAnswer(call -> {
			if (runs.incrementAndGet() == 1) {
				// the dead run's lease on the service has not run out yet
				throw new ServiceBusyException(1, Instant.now());
			}
			failed.incrementAndGet();
			throw new PanelException(PanelException.Kind.REFUSED, "the panel refused");
		}).when(applier).apply(anyLong());
		when(applier.attempts(anyLong())).thenAnswer(call -> failed.get());
		OneTimeTask<Long> job = new ProvisioningJobs().planChangeTask(applier, properties, clock);
		TaskInstance<Long> change = job.instance(ProvisioningJobs.planChangeId(7, 0), 7L);
		try (DeadNodeRig rig = new DeadNodeRig(job)) {
			rig.diedRunning(change, 0);
			rig.startLiveNode();

			await().atMost(Duration.ofSeconds(10)).until(() -> !rig.pending(change));
		}
		// before: the crash and the wait for its lease counted, and one real attempt was
		// all the change got
		assertThat(runs).hasValue(4);
		assertThat(failed).hasValue(3);
		verify(applier).giveUp(eq(7L), contains("after 3 attempts"));
	}

}
