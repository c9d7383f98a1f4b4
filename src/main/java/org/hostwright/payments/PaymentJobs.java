package org.hostwright.payments;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment jobs: confirming an attempt after its webhook (durable, keyed on the gateway order id,
 * so duplicates collapse), and the reconciliation that polls attempts still pending (the webhook may
 * never come) and expires the ones that never complete.
 */
@Configuration(proxyBeanMethods = false)
class PaymentJobs {

	private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

	static final int BATCH = 100;

	@Bean
	OneTimeTask<String> paymentConfirmTask(Settlement settlement) {
		return Tasks.oneTime("payment-confirm", String.class)
			.execute((instance, ctx) -> settlement.confirm(instance.getData(), "webhook"));
	}

	@Bean
	RecurringTask<Void> paymentReconcileTask(Settlement settlement, PaymentAttempts attempts, SandboxMode sandbox,
			PaymentsProperties properties) {
		String interval = properties.reconcileInterval();
		Duration every = interval == null || interval.isBlank() ? Duration.ofSeconds(sandbox.enabled() ? 5 : 60)
				: org.springframework.boot.convert.DurationStyle.detectAndParse(interval.strip());
		return Tasks.recurring("payment-reconcile", FixedDelay.of(every)).execute((instance, ctx) -> {
			for (PaymentAttempt a : attempts.pending(BATCH)) {
				try {
					settlement.confirm(a.gatewayOrderId(), "status check");
				}
				catch (RuntimeException ex) {
					log.warn("Reconciliation of payment {} failed: {}", a.gatewayOrderId(), ex.toString());
				}
			}
		});
	}

}
