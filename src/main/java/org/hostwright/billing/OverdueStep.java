package org.hostwright.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;

/**
 * A step that acts on invoices a batch at a time, each batch in one transaction: its
 * invoices are locked (in id order) and re-read (a payment in between wins), those
 * without the action's key are acted on (e-mails rendered and queued together at the end,
 * panel jobs scheduled, invoices changed) and their billing_actions keys written in that
 * same transaction. A second run, node or retry finds the keys and does nothing. When
 * anything in a batch fails, nothing of it is kept and its items are done again one at a
 * time, each in its own transaction, so only the item at fault fails: it leaves no key
 * and is tried again by the next run.
 */
abstract class OverdueStep implements BillingStep {

	private static final Logger log = LoggerFactory.getLogger(OverdueStep.class);

	static final int BATCH = 500;

	/** Invoices per batch; tests make it small to cross batch boundaries with a few. */
	private volatile int batchSize = BATCH;

	final OverdueTools tools;

	OverdueStep(OverdueTools tools) {
		this.tools = tools;
	}

	abstract ActionKind kind();

	/** The selections of the date (one per reminder offset; one for the other kinds). */
	abstract List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules);

	/**
	 * Does the action on the locked invoice; answers {@link OverdueStore#DONE} or
	 * {@link OverdueStore#SKIPPED}.
	 */
	abstract String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules);

	/**
	 * Called in a batch's transaction with the items it is about to act on (locked, not
	 * yet done), before {@link #act} on each: a step may do part of their actions for all
	 * of them at once (the panel jobs of the hosting services), which its {@code act}
	 * then finds done. Items done one at a time (after a batch failed) are not prepared.
	 */
	void prepare(List<OverdueItem> items, Map<Long, Invoice> invoices, LocalDate date, OverdueRules rules) {
	}

	/**
	 * Called in the transaction after {@link #act} on each of the items (a batch's, or
	 * one item done alone), before their keys are written: a step may finish their
	 * actions with one statement for all of them (a termination cancels its invoices).
	 */
	void finish(List<OverdueItem> acted, Map<Long, Invoice> invoices, LocalDate date) {
	}

	/**
	 * Whether the step's selections depend on the days, which plans may set for
	 * themselves (a restoration does not).
	 */
	boolean byPlan() {
		return true;
	}

	/**
	 * The selections of the date under every scope of rules (the settings, and each group
	 * of plans with their own days), each with the rules it was made from.
	 */
	private List<Scoped> scoped(LocalDate date) {
		List<Scoped> all = new ArrayList<>();
		for (OverdueScopes.Scope scope : byPlan() ? tools.scopes().current() : tools.scopes().settingsOnly()) {
			for (OverdueStore.Selection selection : selections(date, scope.rules())) {
				all.add(new Scoped(scope.narrow(selection), scope.rules()));
			}
		}
		return all;
	}

	private record Scoped(OverdueStore.Selection selection, OverdueRules rules) {
	}

	/**
	 * Whether each item's key is written as soon as it is acted on, not with the batch's
	 * others at its end: an action that looks at the keys of the items before it in the
	 * same batch (a site held by two unpaid invoices is suspended by the first and only
	 * joined by the second) must see them.
	 */
	boolean keysAsItGoes() {
		return false;
	}

	void batchSize(int size) {
		this.batchSize = size;
	}

	@Override
	public List<OverdueItem> plan(LocalDate date, int limit) {
		List<OverdueItem> plan = new ArrayList<>();
		for (Scoped scoped : scoped(date)) {
			if (plan.size() < limit) {
				plan.addAll(tools.store().candidates(scoped.selection(), null, limit - plan.size()));
			}
		}
		return plan;
	}

	@Override
	public int execute(LocalDate date) {
		return execute(date, new ArrayList<>());
	}

	@Override
	public int execute(LocalDate date, List<BillingStep.Failure> failures) {
		int done = 0;
		for (Scoped scoped : scoped(date)) {
			done += execute(scoped.selection(), date, scoped.rules(), failures);
		}
		return done;
	}

	/**
	 * Every invoice of the selection, in batches by due date then id
	 * ({@link OverdueStore#candidates}); a failed one is not retried until the next run.
	 */
	int execute(OverdueStore.Selection selection, LocalDate date, OverdueRules rules,
			List<BillingStep.Failure> failures) {
		int done = 0;
		OverdueItem after = null;
		while (true) {
			List<OverdueItem> batch = tools.store().candidates(selection, after, batchSize);
			if (!batch.isEmpty()) {
				done += batch(batch, selection, date, rules, failures);
			}
			if (batch.size() < batchSize) {
				return done;
			}
			after = batch.get(batch.size() - 1);
		}
	}

	/** The batch in one transaction; when that fails, each of its items alone. */
	private int batch(List<OverdueItem> items, OverdueStore.Selection selection, LocalDate date, OverdueRules rules,
			List<BillingStep.Failure> failures) {
		try {
			Integer done = tools.tx().execute(s -> tools.mail().batched(() -> together(items, selection, date, rules)));
			return done == null ? 0 : done;
		}
		catch (RuntimeException ex) {
			// an item at fault, or another run holding the same keys: nothing of the
			// batch was kept
			log.info("Billing run {}: a batch of {} {} failed ({}); each item again alone", date, items.size(), name(),
					String.valueOf(ex.getMessage()));
			int done = 0;
			for (OverdueItem item : items) {
				done += once(item, selection, date, rules, failures) ? 1 : 0;
			}
			return done;
		}
	}

	private int together(List<OverdueItem> items, OverdueStore.Selection selection, LocalDate date,
			OverdueRules rules) {
		List<Long> ids = items.stream().map(OverdueItem::invoiceId).toList();
		Map<Long, Invoice> locked = tools.invoices().lockAll(ids);
		// read after the locks: a run that held them first has committed its keys
		Set<Long> keyed = tools.store().existing(ids, kind(), selection.step());
		List<OverdueItem> ready = new ArrayList<>();
		for (OverdueItem item : items) {
			Invoice invoice = locked.get(item.invoiceId());
			if (invoice != null && invoice.status() == selection.status() && !keyed.contains(item.invoiceId())) {
				ready.add(item);
			}
		}
		prepare(ready, locked, date, rules);
		List<OverdueStore.Done> done = new ArrayList<>();
		for (OverdueItem item : ready) {
			OverdueStore.Done d = new OverdueStore.Done(item, act(item, locked.get(item.invoiceId()), date, rules));
			if (keysAsItGoes()) {
				tools.store().recordAll(List.of(d), kind(), date, Instant.now(tools.clock()));
			}
			done.add(d);
		}
		finish(ready, locked, date);
		if (!keysAsItGoes()) {
			tools.store().recordAll(done, kind(), date, Instant.now(tools.clock()));
		}
		return done.size();
	}

	private boolean once(OverdueItem item, OverdueStore.Selection selection, LocalDate date, OverdueRules rules,
			List<BillingStep.Failure> failures) {
		try {
			return Boolean.TRUE.equals(tools.tx().execute(s -> {
				Invoice invoice = tools.invoices().lock(item.invoiceId()).orElse(null);
				if (invoice == null || invoice.status() != selection.status()
						|| tools.store().exists(item.invoiceId(), kind(), item.step())) {
					return false;
				}
				String outcome = act(item, invoice, date, rules);
				finish(List.of(item), Map.of(invoice.id(), invoice), date);
				tools.store().record(item, kind(), outcome, date, Instant.now(tools.clock()));
				return true;
			}));
		}
		catch (DuplicateKeyException ex) {
			// another run or node did it at the same moment
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Billing run {}: {} of invoice {} failed", date, name(), item.invoiceNumber(), ex);
			failures.add(new BillingStep.Failure(name(), item.invoiceId(), String.valueOf(ex.getMessage())));
			return false;
		}
	}

}
