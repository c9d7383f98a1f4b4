package org.hostwright.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.payments.PaymentEventLog.NewEvent;
import org.hostwright.platform.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where authenticated webhooks are stored before they are acknowledged. Deliveries that
 * arrive together are stored together: one transaction locks their attempts (in id
 * order), leaves out the bodies seen before, inserts the rest in one batch and schedules
 * in one more batch a confirmation job for each payment still waiting (the fallback of
 * {@link WebhookConfirmations}, which confirms it once the batch committed), so a sale's
 * burst of webhooks costs one commit per batch instead of one per webhook. A delivery is
 * answered only after its batch committed. A batch that fails (another node stored the
 * same body a moment before) is stored again one delivery at a time, each in its own
 * transaction, which is how every delivery was stored before.
 */
@Component
class WebhookInbox implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);

	/** A webhook's rows are small; this bounds one transaction's locks and statement. */
	private static final int MAX_BATCH = 200;

	/** An authenticated, well-formed delivery. */
	record Delivery(String gatewayOrderId, String status, String reference, String payload, String fingerprint) {
	}

	private record Waiting(Delivery delivery, CompletableFuture<String> outcome) {
	}

	private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

	private final PaymentAttempts attempts;

	private final PaymentEventLog events;

	private final Jobs jobs;

	private final OneTimeTask<String> confirm;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final WebhookConfirmations confirmations;

	private volatile Thread drainer;

	WebhookInbox(PaymentAttempts attempts, PaymentEventLog events, Jobs jobs,
			@Qualifier("paymentConfirmTask") OneTimeTask<String> confirm, TransactionTemplate tx, Clock clock,
			WebhookConfirmations confirmations) {
		this.confirmations = confirmations;
		this.attempts = attempts;
		this.events = events;
		this.jobs = jobs;
		this.confirm = confirm;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Stores the delivery; completes with its outcome ({@code received},
	 * {@code unknown_order}, {@code already_applied} or {@code duplicate}) once stored.
	 */
	CompletableFuture<String> store(Delivery delivery) {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		if (drainer == null) {
			// not running (starting or stopping): store it on the caller's thread
			storeEach(List.of(new Waiting(delivery, outcome)));
			return outcome;
		}
		Waiting waiting = new Waiting(delivery, outcome);
		queue.add(waiting);
		if (drainer == null && queue.remove(waiting)) {
			// stopped while it was being added: the drainer may have left already
			storeEach(List.of(waiting));
		}
		return outcome;
	}

	private void drain() {
		List<Waiting> batch = new ArrayList<>();
		while (drainer == Thread.currentThread() || !queue.isEmpty()) {
			try {
				Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				storeBatch(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Storing {} webhooks together failed ({}); storing them one by one", batch.size(),
						ex.toString());
				storeEach(batch);
			}
			finally {
				batch.clear();
			}
		}
	}

	private void storeBatch(List<Waiting> batch) {
		Map<Waiting, String> outcomes = tx.execute(s -> storeTogether(batch));
		outcomes.forEach((w, outcome) -> w.outcome().complete(outcome));
		confirmations.confirmSoon(outcomes.entrySet()
			.stream()
			.filter(e -> PaymentEventLog.RECEIVED.equals(e.getValue()))
			.map(e -> e.getKey().delivery().gatewayOrderId())
			.distinct()
			.toList());
	}

	private Map<Waiting, String> storeTogether(List<Waiting> batch) {
		Instant now = Instant.now(clock);
		Set<String> orderIds = new LinkedHashSet<>();
		Set<String> fingerprints = new HashSet<>();
		batch.forEach(w -> {
			orderIds.add(w.delivery().gatewayOrderId());
			fingerprints.add(w.delivery().fingerprint());
		});
		// lock order everywhere in payments: the attempt rows before the order rows
		Map<String, PaymentAttempt> locked = attempts.lockByGatewayOrderIds(orderIds);
		Set<String> seen = new HashSet<>(events.seen(fingerprints));
		Map<Waiting, String> outcomes = new HashMap<>();
		List<NewEvent> rows = new ArrayList<>();
		Set<String> toConfirm = new LinkedHashSet<>();
		for (Waiting w : batch) {
			Delivery d = w.delivery();
			if (!seen.add(d.fingerprint())) {
				outcomes.put(w, PaymentEventLog.DUPLICATE);
				continue;
			}
			PaymentAttempt attempt = locked.get(d.gatewayOrderId());
			String outcome = outcomeOf(attempt);
			rows.add(event(d, attempt, outcome));
			outcomes.put(w, outcome);
			if (PaymentEventLog.RECEIVED.equals(outcome)) {
				toConfirm.add(d.gatewayOrderId());
			}
		}
		events.insertAll(rows, now);
		// one read and one batch for the batch's payments (another writer scheduling one
		// of them at the same moment fails the batch, which is then stored one by one)
		jobs.scheduleAllIfAbsent(confirm.getName(), toConfirm.stream().map(id -> confirm.instance(id, id)).toList(),
				WebhookConfirmations.fallbackAt(now));
		return outcomes;
	}

	/** Each delivery in a transaction of its own, as a lone delivery is stored. */
	private void storeEach(List<Waiting> batch) {
		for (Waiting w : batch) {
			try {
				String outcome = tx.execute(s -> storeOne(w.delivery()));
				if (PaymentEventLog.RECEIVED.equals(outcome)) {
					confirmations.confirmSoon(List.of(w.delivery().gatewayOrderId()));
				}
				w.outcome().complete(outcome);
			}
			catch (DuplicateKeyException ex) {
				w.outcome().complete(PaymentEventLog.DUPLICATE);
			}
			catch (RuntimeException ex) {
				w.outcome().completeExceptionally(ex);
			}
		}
	}

	private String storeOne(Delivery d) {
		Instant now = Instant.now(clock);
		PaymentAttempt attempt = attempts.lockByGatewayOrderId(d.gatewayOrderId()).orElse(null);
		String outcome = outcomeOf(attempt);
		events.insert(event(d, attempt, outcome), now);
		if (PaymentEventLog.RECEIVED.equals(outcome)) {
			jobs.scheduleIfAbsent(confirm.instance(d.gatewayOrderId(), d.gatewayOrderId()),
					WebhookConfirmations.fallbackAt(now));
		}
		return outcome;
	}

	private static String outcomeOf(PaymentAttempt attempt) {
		return attempt == null ? "unknown_order"
				: attempt.status() == AttemptStatus.COMPLETED ? "already_applied" : PaymentEventLog.RECEIVED;
	}

	private static NewEvent event(Delivery d, PaymentAttempt attempt, String outcome) {
		return new NewEvent(attempt == null ? null : attempt.orderId(), attempt == null ? null : attempt.id(),
				d.gatewayOrderId(), "zenopay", "webhook", d.status(), d.reference(), null, null, d.payload(),
				d.fingerprint(), outcome);
	}

	@Override
	public void start() {
		Thread t = new Thread(this::drain, "webhook-inbox");
		t.setDaemon(true);
		drainer = t;
		t.start();
	}

	@Override
	public void stop() {
		Thread t = drainer;
		drainer = null;
		if (t != null) {
			try {
				// the loop ends once the queue is empty: what was accepted is stored
				t.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return drainer != null;
	}

	@Override
	public int getPhase() {
		// starts before the web server and stops after it (and after its graceful
		// shutdown), so every delivery the server accepted is stored
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}
