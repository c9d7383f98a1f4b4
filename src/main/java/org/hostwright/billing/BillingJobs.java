package org.hostwright.billing;

import java.time.Instant;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.ReviveUncounted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily billing run: a durable recurring job, run by one node, at the time of the
 * business's day the billing settings name (read again after every run, so an admin's
 * change applies from the run after the one already planned).
 */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

	private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);

	@Bean
	RecurringTask<Void> billingRunTask(BillingRun run, PlatformProperties platform, SettingsStore settings,
			@Value("${hostwright.billing.daily-run:true}") boolean daily) {
		return Tasks.recurring("billing-run", new RunAt(platform.timeZone(), settings, daily))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> {
				BillingRun.Report report = run.runToday();
				log.info("Billing run {}: {} ({} failed items)", report.date(), report.steps(),
						report.failures().size());
			});
	}

	/** Daily at the settings' run_at in the business's time zone. */
	static final class RunAt implements Schedule {

		private final ZoneId zone;

		private final SettingsStore settings;

		private final boolean enabled;

		RunAt(ZoneId zone, SettingsStore settings, boolean enabled) {
			this.zone = zone;
			this.settings = settings;
			this.enabled = enabled;
		}

		@Override
		public Instant getNextExecutionTime(ExecutionComplete complete) {
			return new Daily(zone, settings.overdueRules().runAt()).getNextExecutionTime(complete);
		}

		@Override
		public boolean isDeterministic() {
			return false;
		}

		/**
		 * Off only where something else runs the automation (the tests, which move the
		 * clock and run it themselves).
		 */
		@Override
		public boolean isDisabled() {
			return !enabled;
		}

	}

}
