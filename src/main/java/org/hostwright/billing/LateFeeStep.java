package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The optional late fee (off by default): added once to an invoice the day after its due
 * date, as a line without tax, so the customer sees what it is and the balance grows by
 * exactly that.
 */
@Component
class LateFeeStep extends OverdueStep {

	LateFeeStep(OverdueTools tools) {
		super(tools);
	}

	@Override
	public String name() {
		return "late_fees";
	}

	@Override
	ActionKind kind() {
		return ActionKind.LATE_FEE;
	}

	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		if (!rules.automation() || rules.lateFee().none()) {
			return List.of();
		}
		return List.of(new OverdueStore.Selection(kind(), 0, InvoiceStatus.UNPAID,
				"i.due_date < :today AND i.due_date > :earliest",
				Map.of("today", date, "earliest", date.minusDays(rules.terminateAfterDays()))));
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		long fee = rules.lateFee().on(invoice.totalMinor());
		tools.store().addFee(invoice.id(), "Late fee (due " + invoice.dueDate() + ")", fee);
		return OverdueStore.DONE;
	}

}
