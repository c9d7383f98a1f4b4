package org.hostwright.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.platform.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Confirms a payment as soon as its webhook is stored, on threads of its own
 * ({@code HOSTWRIGHT_PAYMENTS_CONFIRM_THREADS}): confirmation has its own capacity and
 * neither waits behind provisioning, mail or billing jobs nor keeps them waiting. When
 * confirmations ran as jobs, their higher priority kept every job thread on them during a
 * sale, and no account was created until the last payment was confirmed (the first
 * customers waited the whole sale for their account).
 * <p>
 * The durable job stays the guarantee: stored with the webhook, due {@link #FALLBACK}
 * later, and removed once the confirmation here reached a final answer. A confirmation
 * that fails here, or a node that stops with confirmations queued, leaves them to their
 * jobs; applying is idempotent under the attempt's lock, so both running applies it once.
 */
@Component
class WebhookConfirmations implements DisposableBean {

	/** How long a stored webhook's job waits for the confirmation here. */
	static final Duration FALLBACK = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(WebhookConfirmations.class);

	private final Settlement settlement;

	private final Jobs jobs;

	private final OneTimeTask<String> confirm;

	private final ExecutorService threads;

	WebhookConfirmations(Settlement settlement, Jobs jobs, @Qualifier("paymentConfirmTask") OneTimeTask<String> confirm,
			PaymentsProperties properties) {
		this.settlement = settlement;
		this.jobs = jobs;
		this.confirm = confirm;
		this.threads = Executors.newFixedThreadPool(Math.max(1, properties.confirmThreads()), named());
	}

	/** When the job of a webhook stored now is due. */
	static Instant fallbackAt(Instant now) {
		return now.plus(FALLBACK);
	}

	/** After the transaction that stored these payments' webhooks committed. */
	void confirmSoon(Collection<String> gatewayOrderIds) {
		for (String id : gatewayOrderIds) {
			threads.execute(() -> confirmNow(id));
		}
	}

	private void confirmNow(String gatewayOrderId) {
		try {
			Settlement.Outcome outcome = settlement.confirm(gatewayOrderId, "webhook");
			if (outcome.settled()) {
				jobs.cancelAllIfPresent(confirm.getName(), List.of(gatewayOrderId));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not confirm payment {} at once ({}); its job will, within {} s", gatewayOrderId,
					ex.toString(), FALLBACK.toSeconds());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		threads.shutdown();
		if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
			threads.shutdownNow(); // what was queued is left to its job
		}
	}

	private static ThreadFactory named() {
		AtomicInteger n = new AtomicInteger();
		return task -> {
			Thread t = new Thread(task, "payment-confirm-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}

}
