package org.hostwright.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hostwright.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewal invoices, set-based: the due subscriptions (or customers, when same-day
 * invoices are merged) are walked in key order, a batch of up to {@link #BATCH} keys at a
 * time, each batch reading only its own key range. A batch locks the customers' credit
 * (when it is to be used), then the year's number counter, writes its invoices and their
 * lines (one statement on PostgreSQL, two INSERT … SELECTs on H2), moves the counter, and
 * settles what credit pays, all in one transaction. A subscription's period is invoiced
 * once: the unique (subscription_id, period_start) key of the lines stops a second run,
 * node or retry, and the counter lock makes concurrent runs take turns.
 */
@Component
class RenewalStep implements BillingStep {

	private static final Logger log = LoggerFactory.getLogger(RenewalStep.class);

	/**
	 * Renewals per transaction: the statements of a batch cost about the same for 2,000
	 * as for 5,000, the rows are what counts (measured on PostgreSQL: about 0.2 ms each,
	 * half of it the foreign-key checks); the counter stays locked for a batch, a
	 * checkout's invoice waits at most that long.
	 */
	static final int BATCH = 5_000;

	/**
	 * Keys per batch; tests make it small to cross batch boundaries with a few
	 * subscriptions.
	 */
	private volatile int batchSize = BATCH;

	private final RenewalStore store;

	private final InvoiceNumbers numbers;

	private final SettingsStore settings;

	private final Cashier cashier;

	private final Catalog catalog;

	private final TransactionTemplate tx;

	private final Clock clock;

	RenewalStep(RenewalStore store, InvoiceNumbers numbers, SettingsStore settings, Cashier cashier, Catalog catalog,
			TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.numbers = numbers;
		this.settings = settings;
		this.cashier = cashier;
		this.catalog = catalog;
		this.tx = tx;
		this.clock = clock;
	}

	/** A renewal the run would invoice. */
	record Due(long subscriptionId, long customerId, String description, LocalDate periodStart, LocalDate periodEnd,
			long priceMinor, String currency) {
	}

	@Override
	public String name() {
		return "invoices";
	}

	@Override
	public List<Due> plan(LocalDate date, int limit) {
		return store.due(window(date, settings.current()), limit);
	}

	@Override
	public int execute(LocalDate date) {
		int total = 0;
		long after = 0;
		while (true) {
			long from = after;
			Batch made = tx.execute(s -> batch(date, from));
			total += made.invoices();
			if (made.keys().count() < batchSize) {
				return total;
			}
			// the keys up to here were invoiced by this batch or by another run that held
			// the counter first; a subscription that falls due meanwhile is the next
			// run's
			after = made.keys().upto();
		}
	}

	/** What a batch did: the invoices it made, and the keys it covered. */
	private record Batch(int invoices, RenewalStore.Keys keys) {
	}

	void batchSize(int size) {
		this.batchSize = size;
	}

	RenewalWindow window(LocalDate date, BillingSettings s) {
		return new RenewalWindow(date, s.renewalLeadDays(), catalog.renewalLeadDays());
	}

	/** The batch of keys after {@code after}. */
	private Batch batch(LocalDate date, long after) {
		BillingSettings s = settings.current();
		RenewalWindow w = window(date, s);
		boolean merge = s.mergeSameDay();
		RenewalStore.Keys keys = store.nextKeys(w, merge, after, batchSize);
		if (keys.count() == 0) {
			return new Batch(0, keys);
		}
		// credit first, then the counter: the same lock order as an invoice issued alone
		List<Long> withCredit = s.applyCredit() ? store.customersWithCredit(w, merge, keys) : List.of();
		store.lockProfiles(withCredit);
		InvoiceNumbers.Block block = numbers.lock(date.getYear(), s.invoicePrefix());
		Instant now = Instant.now(clock);
		int made = store.insert(w, merge, keys, block, s, now);
		if (made == 0) {
			return new Batch(0, keys);
		}
		numbers.use(block, made);
		settle(block, made, withCredit, now);
		log.info("Billing run {}: {} renewal invoices {} .. {}", date, made, block.format(block.last() + 1),
				block.format(block.last() + made));
		return new Batch(made, keys);
	}

	/** Free invoices are paid at once; credit pays what it can of the others. */
	private void settle(InvoiceNumbers.Block block, int made, List<Long> withCredit, Instant now) {
		for (RenewalStore.Made m : store.toSettle(block, block.last() + made, withCredit)) {
			if (m.total() == 0) {
				cashier.settleFree(m.invoiceId(), now);
			}
			else {
				cashier.applyCredit(m.invoiceId(), m.customerId(), m.currency(), now);
			}
		}
	}

}
