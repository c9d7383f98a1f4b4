package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Payment reminders at each offset from the due date (default 3 days before, on the day,
 * 3 and 7 days after), once per invoice and offset. A day the run did not happen is not
 * made up with a burst of e-mails: each offset covers the days up to the next one, and
 * only the latest offset reached is sent.
 */
@Component
class ReminderStep extends OverdueStep {

	private final OverdueMail mail;

	ReminderStep(OverdueTools tools, OverdueMail mail) {
		super(tools);
		this.mail = mail;
	}

	@Override
	public String name() {
		return "reminders";
	}

	@Override
	ActionKind kind() {
		return ActionKind.REMINDER;
	}

	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		List<OverdueStore.Selection> selections = new ArrayList<>();
		if (!rules.automation()) {
			return selections;
		}
		List<Integer> days = rules.reminderDays();
		for (int k = 0; k < days.size(); k++) {
			int offset = days.get(k);
			int next = k + 1 < days.size() ? days.get(k + 1) : Math.max(rules.terminateAfterDays(), offset + 1);
			selections.add(new OverdueStore.Selection(kind(), offset, InvoiceStatus.UNPAID,
					"i.due_date <= :latest AND i.due_date > :earliest",
					Map.of("latest", date.minusDays(offset), "earliest", date.minusDays(next))));
		}
		return selections;
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		mail.send(item.step() > 0 ? OverdueMail.Kind.OVERDUE : OverdueMail.Kind.REMINDER, current(item, invoice),
				item.dueDate());
		return OverdueStore.DONE;
	}

	/** The amount as it is now (a part payment or a late fee may have changed it). */
	static OverdueItem current(OverdueItem item, Invoice invoice) {
		return new OverdueItem(item.invoiceId(), item.invoiceNumber(), item.customerId(), invoice.balanceMinor(),
				item.currency(), item.dueDate(), item.serviceKind(), item.serviceId(), item.service(), item.step());
	}

}
