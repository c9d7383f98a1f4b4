package org.hostwright.provisioning;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.platform.Jobs;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Schedules the job of a plan change, keyed on the change and on how many times an admin
 * retried it: a change has one job per round, so a retry is never lost behind the failed
 * round's job that is still being removed, and never runs twice.
 */
@Component
class PlanChangeJobs {

	private final Jobs jobs;

	private final OneTimeTask<Long> task;

	PlanChangeJobs(Jobs jobs, @Qualifier("planChangeTask") OneTimeTask<Long> task) {
		this.jobs = jobs;
		this.task = task;
	}

	/** In the caller's transaction, with the change's move to applying. */
	void schedule(PlanChange change, Instant at) {
		jobs.scheduleIfAbsent(task.instance(ProvisioningJobs.planChangeId(change.id(), change.retries()), change.id()),
				at);
	}

}
