package org.hostwright.platform;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Any live node finishes what a dead node left half done: an event publication (e.g. an
 * order's {@code OrderPaid}) whose listener never completed, because its node died after
 * the business transaction committed, is resubmitted once it is older than
 * {@code hostwright.events.resubmit-older-than}. A recurring db-scheduler job, so exactly
 * one node does it at a time; listeners are idempotent (keyed on the business object), so
 * a publication whose slow listener is still running elsewhere does no harm when it runs
 * twice.
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	@Bean
	RecurringTask<Void> eventResubmissionTask(IncompleteEventPublications incomplete,
			@Value("${hostwright.events.resubmit-every:30s}") Duration every,
			@Value("${hostwright.events.resubmit-older-than:60s}") Duration olderThan) {
		return Tasks.recurring("event-publication-resubmit", FixedDelay.of(every))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> {
				try {
					incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
				}
				catch (RuntimeException ex) {
					// a listener that fails again stays incomplete and is tried on the
					// next
					// round
					log.warn("Resubmitting incomplete event publications failed: {}", ex.toString());
				}
			});
	}

}
