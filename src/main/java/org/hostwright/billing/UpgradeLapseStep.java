package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * An upgrade's invoice (a plan change's price difference) that is still unpaid on the day
 * a renewal would be suspended lapses: the invoice is cancelled (it keeps its number; a
 * part payment goes to the customer's credit), which cancels the waiting plan change
 * ({@link InvoiceCancelled}), and one e-mail says so. The service itself is paid for on
 * its old plan, so it is never suspended nor terminated for an upgrade, and no late fee
 * is added: the customer simply keeps the plan they have.
 */
@Component
class UpgradeLapseStep extends OverdueStep {

	private final Cashier cashier;

	private final OverdueMail mail;

	UpgradeLapseStep(OverdueTools tools, Cashier cashier, OverdueMail mail) {
		super(tools);
		this.cashier = cashier;
		this.mail = mail;
	}

	@Override
	public String name() {
		return "upgrade_lapses";
	}

	@Override
	ActionKind kind() {
		return ActionKind.UPGRADE_LAPSE;
	}

	@Override
	boolean byPlan() {
		// an upgrade's invoice renews no subscription: the settings' days apply
		return false;
	}

	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		if (!rules.automation()) {
			return List.of();
		}
		return List.of(new OverdueStore.Selection(kind(), 0, InvoiceStatus.UNPAID, "i.due_date <= :latest",
				Map.of("latest", date.minusDays(rules.suspendAfterDays()))));
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		OverdueItem owed = ReminderStep.current(item, invoice);
		cashier.cancel(invoice.id());
		mail.send(OverdueMail.Kind.UPGRADE_LAPSED, owed, item.dueDate());
		return OverdueStore.DONE;
	}

}
