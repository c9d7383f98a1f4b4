package org.hostwright.billing;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.hostwright.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily billing run: a durable recurring job, run by one node, at a time of the
 * business's day.
 */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

	private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);

	@Bean
	RecurringTask<Void> billingRunTask(BillingRun run, PlatformProperties platform,
			@Value("${hostwright.billing.run-at:03:00}") String runAt) {
		LocalTime at = LocalTime.parse(runAt == null || runAt.isBlank() ? "03:00" : runAt.strip());
		return Tasks.recurring("billing-run", Schedules.daily(platform.timeZone(), at)).execute((instance, ctx) -> {
			BillingRun.Report report = run.runToday();
			log.info("Billing run {}: {}", report.date(), report.steps());
		});
	}

}
