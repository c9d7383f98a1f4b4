package org.hostwright.billing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The module that acts on each kind of renewed service: an overdue step names the kind of
 * the invoice's subscription, and the call goes to the module that owns it.
 *
 * <p>
 * A batch of a step may first ask for all its hosting services' actions at once
 * ({@link #suspendAll}, {@link #restoreAll}, {@link #terminateAll}): the answers are kept
 * for the rest of the transaction, and the step's call for each item then returns its
 * answer instead of acting again. Agency sites are not done in advance: a site held by
 * two unpaid invoices is decided from the keys of the items before it (written as the
 * batch goes), so they stay one call each.
 */
@Component
class SuspensionTargets {

	private enum Action {

		SUSPEND, RESTORE, TERMINATE

	}

	private record Answer(Action action, long invoiceId) {
	}

	private final Map<String, ServiceSuspensions> byKind;

	SuspensionTargets(List<ServiceSuspensions> targets) {
		this.byKind = targets.stream()
			.collect(Collectors.toUnmodifiableMap(ServiceSuspensions::serviceKind, Function.identity()));
	}

	boolean suspend(OverdueItem item, String reason) {
		Boolean answer = answered(Action.SUSPEND, item);
		if (answer != null) {
			return answer;
		}
		return item.serviceId() != null && target(item).suspend(item.serviceId(), reason);
	}

	boolean restore(OverdueItem item, String reason) {
		Boolean answer = answered(Action.RESTORE, item);
		if (answer != null) {
			return answer;
		}
		return item.serviceId() != null && target(item).restore(item.serviceId(), reason);
	}

	boolean terminate(OverdueItem item, String reason) {
		Boolean answer = answered(Action.TERMINATE, item);
		if (answer != null) {
			return answer;
		}
		return item.serviceId() != null && target(item).terminate(item.serviceId(), reason);
	}

	/** Suspends the hosting services of the items in one go; see the class comment. */
	void suspendAll(List<OverdueItem> items, Function<OverdueItem, String> reason) {
		ahead(Action.SUSPEND, items, reason, ServiceSuspensions::suspendAll);
	}

	/** Restores the hosting services of the items in one go. */
	void restoreAll(List<OverdueItem> items, Function<OverdueItem, String> reason) {
		ahead(Action.RESTORE, items, reason, ServiceSuspensions::restoreAll);
	}

	/** Terminates the hosting services of the items in one go. */
	void terminateAll(List<OverdueItem> items, Function<OverdueItem, String> reason) {
		ahead(Action.TERMINATE, items, reason, ServiceSuspensions::terminateAll);
	}

	private void ahead(Action action, List<OverdueItem> items, Function<OverdueItem, String> reason,
			BiFunction<ServiceSuspensions, List<ServiceSuspensions.Request>, Set<Long>> all) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		ServiceSuspensions hosting = byKind.get(StartSubscription.HOSTING);
		Map<Long, OverdueItem> byInvoice = new LinkedHashMap<>();
		for (OverdueItem item : items) {
			if (hosting != null && item.serviceId() != null && StartSubscription.HOSTING.equals(item.serviceKind())) {
				byInvoice.put(item.invoiceId(), item);
			}
		}
		if (byInvoice.isEmpty()) {
			return;
		}
		List<ServiceSuspensions.Request> requests = new ArrayList<>();
		byInvoice.values().forEach(i -> requests.add(new ServiceSuspensions.Request(i.serviceId(), reason.apply(i))));
		Set<Long> done = all.apply(hosting, requests);
		Map<Answer, Boolean> answers = answers();
		byInvoice.values().forEach(i -> answers.put(new Answer(action, i.invoiceId()), done.contains(i.serviceId())));
	}

	private Boolean answered(Action action, OverdueItem item) {
		@SuppressWarnings("unchecked")
		Map<Answer, Boolean> answers = (Map<Answer, Boolean>) TransactionSynchronizationManager.getResource(this);
		// each answer is used once: a retry of the item alone acts again
		return answers == null ? null : answers.remove(new Answer(action, item.invoiceId()));
	}

	@SuppressWarnings("unchecked")
	private Map<Answer, Boolean> answers() {
		Map<Answer, Boolean> answers = (Map<Answer, Boolean>) TransactionSynchronizationManager.getResource(this);
		if (answers == null) {
			Map<Answer, Boolean> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(SuspensionTargets.this);
				}
			});
			answers = fresh;
		}
		return answers;
	}

	private ServiceSuspensions target(OverdueItem item) {
		ServiceSuspensions target = byKind.get(item.serviceKind());
		if (target == null) {
			throw new IllegalStateException("no module suspends services of kind " + item.serviceKind());
		}
		return target;
	}

}
