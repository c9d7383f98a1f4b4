package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.Links;
import org.hostwright.platform.Money;
import org.hostwright.platform.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	/** One e-mail of a batch: what it is about and the date it names. */
	record Notice(Kind kind, OverdueItem item, LocalDate on) {
	}

	/**
	 * @param on the date the message is about (termination day for a warning), else the
	 * due date
	 */
	void send(Kind kind, OverdueItem item, LocalDate on) {
		@SuppressWarnings("unchecked")
		List<Notice> open = (List<Notice>) TransactionSynchronizationManager.getResource(this);
		if (open != null) {
			open.add(new Notice(kind, item, on));
			return;
		}
		sendAll(List.of(new Notice(kind, item, on)));
	}

	/**
	 * Runs {@code work} in the current transaction with the e-mails it sends held back,
	 * then renders and queues them all together (one read of the customers, one batch of
	 * outbox rows): a batch of a billing step costs a few statements instead of several
	 * per e-mail. An e-mail that cannot be made (a customer who cannot be read) fails the
	 * whole work, so the transaction rolls back with nothing sent.
	 */
	<T> T batched(Supplier<T> work) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.hasResource(this)) {
			throw new IllegalStateException("e-mails are batched inside one transaction, one batch at a time");
		}
		List<Notice> held = new ArrayList<>();
		TransactionSynchronizationManager.bindResource(this, held);
		T result;
		try {
			result = work.get();
		}
		finally {
			TransactionSynchronizationManager.unbindResource(this);
		}
		sendAll(held);
		return result;
	}

	private void sendAll(List<Notice> notices) {
		if (notices.isEmpty()) {
			return;
		}
		Map<Long, Account> customers = accounts
			.findAll(notices.stream().map(n -> n.item().customerId()).collect(Collectors.toSet()));
		List<Mailer.Letter> letters = new ArrayList<>(notices.size());
		for (Notice n : notices) {
			Account customer = customers.get(n.item().customerId());
			if (customer == null) {
				throw new NotFoundException("account");
			}
			letters.add(new Mailer.Letter(customer.email(), "billing-overdue", model(n, customer)));
		}
		mailer.sendAll(letters);
	}

	private Map<String, Object> model(Notice n, Account customer) {
		OverdueItem item = n.item();
		Map<String, Object> model = new HashMap<>();
		model.put("subjectKey", "mail.overdue." + n.kind().key + ".subject");
		model.put("bodyKey", "mail.overdue." + n.kind().key + ".body");
		model.put("name", customer.name());
		model.put("number", item.invoiceNumber());
		model.put("amount", Money.of(item.amountCents(), item.currency()));
		model.put("dueDate", item.dueDate());
		model.put("on", n.on());
		model.put("service", item.service() == null ? item.invoiceNumber() : item.service());
		model.put("payUrl", links.url("/me/invoices/" + item.invoiceId()));
		// nothing to pay any more: no Pay button
		model.put("paid", n.kind() == Kind.RESTORED || n.kind() == Kind.TERMINATED || n.kind() == Kind.UPGRADE_LAPSED);
		return model;
	}

}
