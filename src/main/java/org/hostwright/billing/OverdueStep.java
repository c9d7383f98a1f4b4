package org.hostwright.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;

/**
 * A step that acts on invoices one at a time, each in its own transaction: the invoice is
 * locked and re-read (a payment in between wins), the action is done (e-mail queued,
 * panel job scheduled, invoice changed) and its billing_actions key written in that same
 * transaction. A second run, node or retry finds the key and does nothing; an item that
 * fails leaves no key and is tried again by the next run.
 */
abstract class OverdueStep implements BillingStep {

	private static final Logger log = LoggerFactory.getLogger(OverdueStep.class);

	static final int BATCH = 500;

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

	@Override
	public List<OverdueItem> plan(LocalDate date, int limit) {
		List<OverdueItem> plan = new ArrayList<>();
		for (Scoped scoped : scoped(date)) {
			if (plan.size() < limit) {
				plan.addAll(tools.store().candidates(scoped.selection(), 0, limit - plan.size()));
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
	 * Every invoice of the selection, by id in batches (a failed one is not retried until
	 * the next run).
	 */
	int execute(OverdueStore.Selection selection, LocalDate date, OverdueRules rules,
			List<BillingStep.Failure> failures) {
		int done = 0;
		long after = 0;
		while (true) {
			List<OverdueItem> batch = tools.store().candidates(selection, after, BATCH);
			for (OverdueItem item : batch) {
				done += once(item, selection, date, rules, failures) ? 1 : 0;
			}
			if (batch.size() < BATCH) {
				return done;
			}
			after = batch.get(batch.size() - 1).invoiceId();
		}
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
