package org.hostwright.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.hostwright.platform.Jobs;
import org.hostwright.platform.ReviveUncounted;
import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment jobs: confirming an attempt after its webhook (durable, keyed on the
 * gateway order id, so duplicates collapse), and the reconciliation that polls attempts
 * still pending (the webhook may never come) and expires the ones that never complete.
 */
@Configuration(proxyBeanMethods = false)
class PaymentJobs {

	private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

	/**
	 * Payment jobs run before any other due job (provisioning, mail): a customer waiting
	 * for "paid" never queues behind panel calls.
	 */
	static final int PRIORITY = 100;

	/**
	 * Attempts read per query while reconciling (a page size, not a cap: every pending
	 * attempt is visited).
	 */
	static final int PAGE = 500;

	@Bean
	OneTimeTask<String> paymentConfirmTask(Settlement settlement) {
		return Tasks.oneTime("payment-confirm", String.class)
			.defaultPriority(PRIORITY)
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> settlement.confirm(instance.getData(), "webhook"));
	}

	/**
	 * The status check that reconciliation schedules, one job per pending attempt not
	 * heard of for a whole interval (they run in parallel).
	 */
	@Bean
	OneTimeTask<String> paymentCheckTask(Settlement settlement) {
		return Tasks.oneTime("payment-check", String.class)
			.defaultPriority(PRIORITY)
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> settlement.confirm(instance.getData(), "status check"));
	}

	@Bean
	RecurringTask<Void> paymentReconcileTask(PaymentAttempts attempts, Jobs jobs,
			@Qualifier("paymentCheckTask") OneTimeTask<String> check, SandboxMode sandbox, Clock clock,
			PaymentsProperties properties) {
		String interval = properties.reconcileInterval();
		Duration every = interval == null || interval.isBlank() ? Duration.ofSeconds(sandbox.enabled() ? 5 : 60)
				: org.springframework.boot.convert.DurationStyle.detectAndParse(interval.strip());
		return Tasks.recurring("payment-reconcile", FixedDelay.of(every))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> {
				// fan out instead of checking in this thread: every attempt not checked
				// since
				// the last round
				// gets its own job, so a sale's thousand attempts are checked by all job
				// threads at once
				Instant now = Instant.now(clock);
				Instant checkedBefore = now.minus(every);
				int scheduled = 0;
				long after = 0;
				for (List<PaymentAttempts.Pending> page = attempts.pendingAfter(after, PAGE); !page
					.isEmpty(); page = attempts.pendingAfter(after, PAGE)) {
					for (PaymentAttempts.Pending a : page) {
						after = a.id();
						// not one check per new attempt: in a sale, checking every
						// attempt
						// created since the last round (their webhooks on the way)
						// doubled
						// the payment jobs, and provisioning waited behind them
						if (a.uncheckedSince(checkedBefore)) {
							try {
								if (jobs.scheduleIfAbsent(check.instance(a.gatewayOrderId(), a.gatewayOrderId()),
										now)) {
									scheduled++;
								}
							}
							catch (RuntimeException ex) {
								log.warn("Could not schedule the status check of payment {}: {}", a.gatewayOrderId(),
										ex.toString());
							}
						}
					}
				}
				if (scheduled > 0) {
					jobs.triggerCheck();
				}
			});
	}

}
