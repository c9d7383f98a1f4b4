package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The e-mail a number of days (default 5) before an unpaid service is terminated, naming
 * the day, the invoice and the amount that stops it.
 */
@Component
class TerminationWarningStep extends OverdueStep {

	private final OverdueMail mail;

	TerminationWarningStep(OverdueTools tools, OverdueMail mail) {
		super(tools);
		this.mail = mail;
	}

	@Override
	public String name() {
		return "termination_warnings";
	}

	@Override
	ActionKind kind() {
		return ActionKind.TERMINATION_WARNING;
	}

	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		if (!rules.automation() || rules.terminationWarningDays() == 0) {
			return List.of();
		}
		return List.of(new OverdueStore.Selection(kind(), 0, InvoiceStatus.UNPAID,
				"i.due_date <= :latest AND i.due_date > :earliest AND " + SuspensionStep.SUSPENDABLE,
				Map.of("latest", date.minusDays(rules.warningAfterDays()), "earliest",
						date.minusDays(rules.terminateAfterDays()))));
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		mail.send(OverdueMail.Kind.WARNING, ReminderStep.current(item, invoice),
				item.dueDate().plusDays(rules.terminateAfterDays()));
		return OverdueStore.DONE;
	}

}
