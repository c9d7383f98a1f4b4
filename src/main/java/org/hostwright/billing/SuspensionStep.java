package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Suspends the service an unpaid renewal invoice renews, a number of days after its due
 * date (default 7): a hosting service through the panel's suspend job, an agency client
 * service by moving its site to {@code suspended}; one e-mail names the invoice, the
 * amount and the link that restores the service. Customers marked "never suspend
 * automatically" are left to the admin.
 */
@Component
class SuspensionStep extends OverdueStep {

	/**
	 * Renewal invoices of a hosting service whose customer may be suspended (termination
	 * and its warning apply to these only). {@code i.subscription_id IS NOT NULL} follows
	 * from the join; it is spelled out so that PostgreSQL reads the renewal invoices' own
	 * index (V41_2) instead of every old unpaid invoice.
	 */
	static final String SUSPENDABLE = "i.subscription_id IS NOT NULL AND s.source_kind = :hosting"
			+ " AND COALESCE(p.never_suspend, FALSE) = FALSE";

	/** Renewal invoices of a hosting or agency client service, customer as above. */
	static final String SUSPENDABLE_ANY = "i.subscription_id IS NOT NULL AND s.source_kind IN (:hosting, :agency)"
			+ " AND COALESCE(p.never_suspend, FALSE) = FALSE";

	private final SuspensionTargets services;

	private final OverdueMail mail;

	SuspensionStep(OverdueTools tools, SuspensionTargets services, OverdueMail mail) {
		super(tools);
		this.services = services;
		this.mail = mail;
	}

	@Override
	public String name() {
		return "suspensions";
	}

	@Override
	ActionKind kind() {
		return ActionKind.SUSPENSION;
	}

	@Override
	boolean keysAsItGoes() {
		// an agency site held by two unpaid invoices of one batch: the second joins the
		// suspension the first made, which it finds by the first's key
		return true;
	}

	@Override
	List<OverdueStore.Selection> selections(LocalDate date, OverdueRules rules) {
		if (!rules.automation()) {
			return List.of();
		}
		return List.of(new OverdueStore.Selection(kind(), 0, InvoiceStatus.UNPAID,
				"i.due_date <= :latest AND i.due_date > :earliest AND " + SUSPENDABLE_ANY,
				Map.of("latest", date.minusDays(rules.suspendAfterDays()), "earliest",
						date.minusDays(rules.terminateAfterDays()), "agency", StartSubscription.AGENCY)));
	}

	@Override
	void prepare(List<OverdueItem> items, Map<Long, Invoice> invoices, LocalDate date, OverdueRules rules) {
		services.suspendAll(items, i -> reason(invoices.get(i.invoiceId())));
	}

	private static String reason(Invoice invoice) {
		return "invoice " + invoice.number() + " is unpaid";
	}

	@Override
	String act(OverdueItem item, Invoice invoice, LocalDate date, OverdueRules rules) {
		if (!services.suspend(item, reason(invoice))) {
			// not active (still being set up, or suspended by an admin): nothing to
			// restore later
			return OverdueStore.SKIPPED;
		}
		mail.send(OverdueMail.Kind.SUSPENDED, ReminderStep.current(item, invoice), item.dueDate());
		return OverdueStore.DONE;
	}

}
