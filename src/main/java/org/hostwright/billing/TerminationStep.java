package org.hostwright.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Ends a service whose renewal was never paid, a number of days after the due date
 * (default 30): the panel account is terminated by the panel's terminate job (the service
 * ends {@code cancelled}), the invoice is cancelled (it keeps its number) and the
 * subscription stops renewing.
 */
@Component
class TerminationStep extends OverdueStep {

	private final SuspensionTargets services;

	private final Cashier cashier;

	private final OverdueMail mail;

	TerminationStep(OverdueTools tools, SuspensionTargets services, Cashier cashier, OverdueMail mail) {
		super(tools);
		this.services = services;
		this.cashier = cashier;
		this.mail = mail;
	}

	@Override
	public String name() {
		return "terminations";
	}

	@Override
	ActionKind kind() {
		return ActionKind.TERMINATION;
	}

	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		if (!rules.automation()) {
			return List.of();
		}
		return List.of(new OverdueStore.Selection(kind(), 0, InvoiceStatus.UNPAID,
				"i.due_date <= :latest AND " + SuspensionStep.SUSPENDABLE,
				Map.of("latest", date.minusDays(rules.terminateAfterDays()))));
	}

	@Override
	void prepare(List<OverdueItem> items, Map<Long, Invoice> invoices, LocalDate date, OverdueRules rules) {
		services.terminateAll(items, i -> reason(invoices.get(i.invoiceId()), rules));
	}

	private static String reason(Invoice invoice, OverdueRules rules) {
		return "invoice " + invoice.number() + " unpaid " + rules.terminateAfterDays() + " days after its due date";
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		boolean terminated = services.terminate(item, reason(invoice, rules));
		// what it owed (the invoice as locked, before it is cancelled in finish)
		mail.send(OverdueMail.Kind.TERMINATED, ReminderStep.current(item, invoice), item.dueDate());
		return terminated ? OverdueStore.DONE : OverdueStore.SKIPPED;
	}

	/**
	 * The invoices of the batch are cancelled and their subscriptions ended with one
	 * statement each, not several an invoice.
	 */
	@Override
	void finish(List<OverdueItem> acted, Map<Long, Invoice> invoices, LocalDate date) {
		List<Long> ids = acted.stream().map(OverdueItem::invoiceId).toList();
		cashier.cancelAll(ids.stream().map(invoices::get).toList());
		tools.store().endSubscriptions(ids, Instant.now(tools.clock()));
	}

}
