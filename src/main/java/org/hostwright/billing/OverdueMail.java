package org.hostwright.billing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.Links;
import org.hostwright.platform.Money;

import org.springframework.stereotype.Component;

/**
 * The automation's e-mails (one template, {@code mail/billing-overdue.html}, a text per
 * kind), queued in the outbox in the action's transaction, in the customer's language:
 * the invoice's number in the subject, the amount due, the due date, a direct link to
 * pay.
 */
@Component
class OverdueMail {

	/** The texts: keys {@code mail.overdue.<kind>.subject} and {@code .body}. */
	enum Kind {

		REMINDER("reminder"), OVERDUE("overdue"), SUSPENDED("suspended"), WARNING("warning"), TERMINATED("terminated"),
		RESTORED("restored"), UPGRADE_LAPSED("upgrade_lapsed");

		final String key;

		Kind(String key) {
			this.key = key;
		}

	}

	private final Accounts accounts;

	private final Mailer mailer;

	private final Links links;

	OverdueMail(Accounts accounts, Mailer mailer, Links links) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.links = links;
	}

	/**
	 * @param on the date the message is about (termination day for a warning), else the
	 * due date
	 */
	void send(Kind kind, OverdueItem item, LocalDate on) {
		Account customer = accounts.require(item.customerId());
		Map<String, Object> model = new HashMap<>();
		model.put("subjectKey", "mail.overdue." + kind.key + ".subject");
		model.put("bodyKey", "mail.overdue." + kind.key + ".body");
		model.put("name", customer.name());
		model.put("number", item.invoiceNumber());
		model.put("amount", Money.of(item.amountCents(), item.currency()));
		model.put("dueDate", item.dueDate());
		model.put("on", on);
		model.put("service", item.service() == null ? item.invoiceNumber() : item.service());
		model.put("payUrl", links.url("/me/invoices/" + item.invoiceId()));
		// nothing to pay any more: no Pay button
		model.put("paid", kind == Kind.RESTORED || kind == Kind.TERMINATED || kind == Kind.UPGRADE_LAPSED);
		mailer.send(customer.email(), "billing-overdue", model);
	}

}
