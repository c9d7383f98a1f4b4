package org.hostwright.agency;

import java.time.LocalTime;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.hostwright.platform.ReviveUncounted;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agency's durable jobs: the daily renewal check at 06:00 UTC. */
@Configuration(proxyBeanMethods = false)
class AgencyJobs {

	@Bean
	RecurringTask<Void> agencyRenewalsTask(RenewalJob job) {
		return Tasks.recurring("agency-renewals", Schedules.daily(ZoneOffset.UTC, LocalTime.of(6, 0)))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, context) -> job.run());
	}

}
