package org.hostwright.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.hostwright.accounts.Accounts;
import org.hostwright.ordering.Orders;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies money to invoices, once: the invoice row is locked and re-read, what it still
 * owes is paid, and whatever is left over (an overpayment, a second payment of a paid
 * invoice, money for a cancelled one) goes to the customer's credit, never lost. Paying a
 * renewal moves its subscription one period on (each renewal of a merged invoice) and
 * publishes {@link RenewalPaid}.
 */
@Component
class Cashier {

	/** What a payment did: applied to the invoice, and how much went to credit. */
	record Applied(long invoiceId, long appliedMinor, long creditedMinor, InvoiceStatus status) {
	}

	private final InvoiceStore invoices;

	private final CreditLedger ledger;

	private final SubscriptionStore subscriptions;

	private final Profiles profiles;

	private final Accounts accounts;

	private final Clock clock;

	private final Orders orders;

	private final ApplicationEventPublisher events;

	Cashier(InvoiceStore invoices, CreditLedger ledger, SubscriptionStore subscriptions, Profiles profiles,
			Accounts accounts, Clock clock, Orders orders, ApplicationEventPublisher events) {
		this.orders = orders;
		this.events = events;
		this.invoices = invoices;
		this.ledger = ledger;
		this.subscriptions = subscriptions;
		this.profiles = profiles;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param forOrder whether the money came through the order's own payment (which marks
	 * the order paid itself); any other full payment of an order's invoice marks its
	 * order paid from here
	 */
	@Transactional
	Applied pay(long invoiceId, long amount, PaymentMethod method, String reference, Long recordedBy,
			boolean forOrder) {
		if (amount <= 0) {
			throw new InvalidInputException("amount_cents", "billing.amount.positive",
					"The amount must be more than zero.");
		}
		if (reference != null && !reference.isBlank() && invoices.referenceUsed(method, reference.strip())) {
			throw new ConflictException("billing.payment.duplicate",
					"A payment with this reference is already recorded.");
		}
		Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("invoice"));
		Instant now = Instant.now(clock);
		invoices.recordPayment(invoiceId, method, blankToNull(reference), amount, invoice.currency(), recordedBy, now);
		if (!invoice.status().open()) {
			ledger.add(invoice.customerId(), invoice.currency(), amount,
					"payment of invoice " + invoice.number() + " that was already " + invoice.status().wire(),
					invoiceId, now);
			return new Applied(invoiceId, 0, amount, invoice.status());
		}
		long applied = Math.min(amount, invoice.balanceMinor());
		InvoiceStatus status = apply(invoice, applied, now, forOrder ? null : method);
		if (amount > applied) {
			ledger.add(invoice.customerId(), invoice.currency(), amount - applied,
					"overpayment of invoice " + invoice.number(), invoiceId, now);
		}
		return new Applied(invoiceId, applied, amount - applied, status);
	}

	/** Pays what it can of an open invoice from the customer's credit in its currency. */
	@Transactional
	Applied payFromCredit(long invoiceId) {
		Invoice invoice = invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("invoice"));
		profiles.lock(accounts.require(invoice.customerId()));
		long used = applyCredit(invoiceId, invoice.customerId(), invoice.currency(), Instant.now(clock));
		if (used == 0) {
			throw new ConflictException("billing.credit.none", "There is no credit to pay this invoice with.");
		}
		return new Applied(invoiceId, used, 0, invoices.find(invoiceId).orElseThrow().status());
	}

	/** Whether the customer has credit in the currency. */
	boolean hasCredit(long customerId, String currency) {
		return ledger.balance(customerId, currency) > 0;
	}

	/** Uses credit on an open invoice; the caller holds the customer's profile lock. */
	long applyCredit(long invoiceId, long customerId, String currency, Instant now) {
		long available = ledger.balance(customerId, currency);
		if (available <= 0) {
			return 0;
		}
		Invoice invoice = invoices.lock(invoiceId).orElseThrow();
		long used = Math.min(available, invoice.balanceMinor());
		if (used <= 0) {
			return 0;
		}
		ledger.add(customerId, currency, -used, "credit used on invoice " + invoice.number(), invoiceId, now);
		invoices.recordPayment(invoiceId, PaymentMethod.CREDIT, null, used, currency, null, now);
		apply(invoice, used, now, PaymentMethod.CREDIT);
		return used;
	}

	/** An invoice of nothing is paid the moment it is issued. */
	void settleFree(long invoiceId, Instant now) {
		apply(invoices.lock(invoiceId).orElseThrow(), 0, now, PaymentMethod.CREDIT);
	}

	@Transactional
	Invoice cancel(long invoiceId) {
		Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("invoice"));
		invoices.status(invoiceId, invoice.status().checkMoveTo(InvoiceStatus.CANCELLED), Instant.now(clock));
		if (invoice.amountPaidMinor() > 0) {
			// a part payment is not kept by a void invoice
			ledger.add(invoice.customerId(), invoice.currency(), invoice.amountPaidMinor(),
					"part payment of cancelled invoice " + invoice.number(), invoiceId, Instant.now(clock));
		}
		// in this transaction: what waited for its payment (a plan change) is released
		events.publishEvent(new InvoiceCancelled(invoiceId, invoice.customerId()));
		return invoices.find(invoiceId).orElseThrow();
	}

	/**
	 * {@link #cancel} of many invoices whose locks the caller holds (a batch of the
	 * billing automation), their status changed with one statement: each keeps its
	 * number, gives a part payment back as credit and publishes {@link InvoiceCancelled},
	 * as {@link #cancel} does.
	 */
	void cancelAll(Collection<Invoice> locked) {
		if (locked.isEmpty()) {
			return;
		}
		Instant now = Instant.now(clock);
		for (Invoice invoice : locked) {
			invoice.status().checkMoveTo(InvoiceStatus.CANCELLED);
		}
		List<Long> ids = locked.stream().map(Invoice::id).toList();
		int changed = invoices.statusAll(ids, InvoiceStatus.CANCELLED, now);
		if (changed != ids.size()) {
			// not every invoice was there to cancel: nothing of the batch is kept
			throw new IllegalStateException(changed + " of " + ids.size() + " invoices cancelled");
		}
		for (Invoice invoice : locked) {
			if (invoice.amountPaidMinor() > 0) {
				ledger.add(invoice.customerId(), invoice.currency(), invoice.amountPaidMinor(),
						"part payment of cancelled invoice " + invoice.number(), invoice.id(), now);
			}
			events.publishEvent(new InvoiceCancelled(invoice.id(), invoice.customerId()));
		}
	}

	/**
	 * Refunds a paid invoice, to the customer's credit or (toCredit false) outside
	 * Hostwright.
	 */
	@Transactional
	Invoice refund(long invoiceId, boolean toCredit) {
		Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("invoice"));
		Instant now = Instant.now(clock);
		invoices.status(invoiceId, invoice.status().checkMoveTo(InvoiceStatus.REFUNDED), now);
		if (toCredit && invoice.amountPaidMinor() > 0) {
			ledger.add(invoice.customerId(), invoice.currency(), invoice.amountPaidMinor(),
					"refund of invoice " + invoice.number(), invoiceId, now);
		}
		return invoices.find(invoiceId).orElseThrow();
	}

	@Transactional
	void credit(long customerId, String currency, long amount, String reason, Long invoiceId) {
		ledger.add(customerId, currency, amount, reason, invoiceId, Instant.now(clock));
	}

	private InvoiceStatus apply(Invoice invoice, long amount, Instant now, PaymentMethod settlesOrderBy) {
		long paid = invoice.amountPaidMinor() + amount;
		if (paid < invoice.totalMinor()) {
			invoices.paid(invoice.id(), paid, invoice.status(), null, now);
			return invoice.status();
		}
		InvoiceStatus status = invoice.status().checkMoveTo(InvoiceStatus.PAID);
		invoices.paid(invoice.id(), paid, status, now, now);
		// in this transaction: the restoration of what its non-payment suspended is not
		// lost
		events.publishEvent(new InvoicePaid(invoice.id(), invoice.customerId(), invoice.orderId() != null));
		for (InvoiceStore.Renewed r : invoices.renewals(invoice.id())) {
			subscriptions.advanceFrom(r.subscriptionId(), r.periodStart(), now)
				.ifPresent(sub -> events.publishEvent(new RenewalPaid(sub.sourceKind(), sub.sourceId(), r.periodStart(),
						sub.nextDueDate(), invoice.id())));
		}
		if (invoice.orderId() != null && settlesOrderBy != null) {
			orders.markPaid(invoice.orderId(), invoice.number(),
					"invoice " + invoice.number() + " paid (" + settlesOrderBy.wire().replace('_', ' ') + ")");
		}
		return status;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
