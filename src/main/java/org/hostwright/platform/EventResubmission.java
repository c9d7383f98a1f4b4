package org.hostwright.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
			EventPublicationStore publications, Clock clock,
			@Value("${hostwright.events.resubmit-every:30s}") Duration every,
			@Value("${hostwright.events.resubmit-older-than:60s}") Duration olderThan) {
		return Tasks.recurring("event-publication-resubmit", FixedDelay.of(every))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> resubmit(incomplete, publications, Instant.now(clock), olderThan));
	}

	static void resubmit(IncompleteEventPublications incomplete, EventPublicationStore publications, Instant now,
			Duration olderThan) {
		try {
			retryAbandonedResubmissions(publications, now.minus(olderThan));
			incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
		}
		catch (RuntimeException ex) {
			// a listener that fails again stays incomplete and is tried on the next
			// round
			log.warn("Resubmitting incomplete event publications failed: {}", ex.toString());
		}
	}

	/**
	 * Resubmissions whose listener never started: the node that resubmitted them died (or
	 * froze) with the listener still in its queue. Spring Modulith marks a publication
	 * {@code RESUBMITTED} before handing it to the listener, never resubmits one so
	 * marked, and only moves it on when the listener starts (processing), fails (failed)
	 * or completes: left as it is, such a publication would never complete on any node,
	 * nor after a restart. Marked failed, it is resubmitted with the others.
	 */
	static int retryAbandonedResubmissions(EventPublicationStore publications, Instant resubmittedBefore) {
		int abandoned = publications.failAbandonedResubmissions(resubmittedBefore);
		if (abandoned > 0) {
			log.warn(
					"{} event publications were resubmitted before {} and their listeners never started: retrying them",
					abandoned, resubmittedBefore);
		}
		return abandoned;
	}

}
