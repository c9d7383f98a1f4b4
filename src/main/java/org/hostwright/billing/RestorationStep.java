package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Brings back every service an invoice's non-payment suspended, once the invoice is paid
 * (by mobile money, credit or an admin's payment): at once from the {@link InvoicePaid}
 * event (kept in the event publication registry, so a crash does not lose it), and in
 * every run for anything the event did not finish. The restoration's key makes it happen
 * once, whichever comes first.
 */
@Component
class RestorationStep extends OverdueStep {

	/** Paid invoices whose non-payment suspended a service. */
	private static final String SUSPENDED = """
			EXISTS (SELECT 1 FROM billing_actions x WHERE x.invoice_id = i.id AND x.kind = :suspension
			  AND x.outcome = :done)""";

	private final SuspensionTargets services;

	private final OverdueMail mail;

	private final BusinessCalendar calendar;

	RestorationStep(OverdueTools tools, SuspensionTargets services, OverdueMail mail, BusinessCalendar calendar) {
		super(tools);
		this.services = services;
		this.mail = mail;
		this.calendar = calendar;
	}

	@Override
	public String name() {
		return "restorations";
	}

	@Override
	ActionKind kind() {
		return ActionKind.RESTORATION;
	}

	@Override
	boolean byPlan() {
		return false;
	}

	/**
	 * The paid invoices between the first and the last due date of those still to restore
	 * (found from the suspensions, few), read by due date like the other steps' unpaid
	 * ones: the paid invoices are most of them, and a scan from the first took seconds at
	 * a million. None to restore: no selection, no query.
	 */
	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		// not behind the master switch: a customer who paid gets the service back
		return tools.store()
			.toRestore()
			.map(dues -> List.of(new OverdueStore.Selection(kind(), 0, InvoiceStatus.PAID,
					SUSPENDED + " AND i.due_date BETWEEN :firstDue AND :lastDue",
					Map.of("suspension", ActionKind.SUSPENSION.wire(), "done", OverdueStore.DONE, "firstDue",
							dues.first(), "lastDue", dues.last()))))
			.orElse(List.of());
	}

	/**
	 * A new order's invoice never suspended anything (the overdue run selects no order
	 * invoice), so its payment stores no publication for this listener.
	 */
	@ApplicationModuleListener(condition = "#event.ofOrder() != true")
	void on(InvoicePaid event) {
		List<BillingStep.Failure> failures = new ArrayList<>();
		execute(new OverdueStore.Selection(kind(), 0, InvoiceStatus.PAID, SUSPENDED + " AND i.id = :invoice", Map
			.of("suspension", ActionKind.SUSPENSION.wire(), "done", OverdueStore.DONE, "invoice", event.invoiceId())),
				calendar.today(), tools.settings().overdueRules(), failures);
		if (!failures.isEmpty()) {
			// the publication stays incomplete and is resubmitted
			throw new IllegalStateException("restoration after invoice " + event.invoiceId() + " was paid failed: "
					+ failures.get(0).message());
		}
	}

	@Override
	void prepare(List<OverdueItem> items, Map<Long, Invoice> invoices, LocalDate date, OverdueRules rules) {
		services.restoreAll(items, i -> reason(invoices.get(i.invoiceId())));
	}

	private static String reason(Invoice invoice) {
		return "invoice " + invoice.number() + " is paid";
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		if (!services.restore(item, reason(invoice))) {
			return OverdueStore.SKIPPED;
		}
		mail.send(OverdueMail.Kind.RESTORED, ReminderStep.current(item, invoice), item.dueDate());
		return OverdueStore.DONE;
	}

}
