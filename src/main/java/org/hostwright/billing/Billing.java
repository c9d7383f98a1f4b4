package org.hostwright.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hostwright.accounts.Accounts;
import org.hostwright.catalog.BillingPeriod;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.States;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing module's API: invoices (issue, read, pay, cancel, refund), the customer's
 * credit, and the subscriptions that the billing run renews.
 */
@Service
public class Billing {

	private final Issuing issuing;

	private final Cashier cashier;

	private final InvoiceStore invoices;

	private final SubscriptionStore subscriptions;

	private final CreditLedger ledger;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final Profiles profiles;

	private final Accounts accounts;

	private final OverdueStore overdue;

	private final RenewalLines renewalLines;

	Billing(Issuing issuing, Cashier cashier, InvoiceStore invoices, SubscriptionStore subscriptions,
			CreditLedger ledger, BusinessCalendar calendar, Clock clock, Profiles profiles, Accounts accounts,
			OverdueStore overdue, RenewalLines renewalLines) {
		this.renewalLines = renewalLines;
		this.overdue = overdue;
		this.profiles = profiles;
		this.accounts = accounts;
		this.issuing = issuing;
		this.cashier = cashier;
		this.invoices = invoices;
		this.subscriptions = subscriptions;
		this.ledger = ledger;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Issues the invoice of a new order, due today, for the plan's first period. */
	@Transactional
	public long invoiceOrder(OrderView order) {
		LocalDate today = calendar.today();
		BillingPeriod period = States.fromColumn(BillingPeriod.class, order.billingPeriod());
		LineDraft line = new LineDraft(order.planName() + (order.domain() == null ? "" : " – " + order.domain()), 1,
				order.priceMinor(), StartSubscription.HOSTING, null, today,
				Periods.lastDay(today, period, today.getDayOfMonth()));
		return issuing.issue(order.customerId(), order.currency(), today, List.of(line), order.id());
	}

	/**
	 * Issues the invoice of a plan upgrade's price difference. The billing automation
	 * treats it apart: no reminders, late fee, suspension or termination (the service is
	 * paid for on its old plan); unpaid on the day a renewal would be suspended, it
	 * lapses and is cancelled ({@link InvoiceCancelled}).
	 */
	@Transactional
	public long issueUpgrade(long customerId, String currency, LocalDate dueDate, List<LineDraft> lines) {
		long id = issuing.issue(customerId, currency, dueDate, lines, null);
		overdue.markUpgrade(id);
		return id;
	}

	/** Issues an invoice written by hand (an admin's one-off). */
	@Transactional
	public long issue(long customerId, String currency, LocalDate dueDate, List<LineDraft> lines) {
		return issuing.issue(customerId, currency, dueDate, lines, null);
	}

	public Optional<Long> invoiceOfOrder(long orderId) {
		return invoices.idOfOrder(orderId);
	}

	/**
	 * The order of an unpaid invoice is deleted: the invoice is cancelled, keeps its
	 * number, forgets the order.
	 */
	@Transactional
	public void releaseOrder(long orderId) {
		invoices.idOfOrder(orderId).ifPresent(id -> {
			Invoice invoice = invoices.find(id).orElseThrow();
			if (invoice.status().canMoveTo(InvoiceStatus.CANCELLED)) {
				cashier.cancel(id);
			}
			invoices.detachOrder(id);
		});
	}

	/**
	 * What the order's invoice still owes (the amount a payment of the order must take).
	 */
	public Optional<Long> amountDueOfOrder(long orderId) {
		return invoices.idOfOrder(orderId).flatMap(invoices::find).map(Invoice::balanceMinor);
	}

	/**
	 * Applies money received for an order to its invoice (in the caller's transaction): a
	 * second payment lands on the customer's credit. An order without an invoice is left
	 * alone.
	 */
	@Transactional
	public void payOrder(long orderId, long amount, PaymentMethod method, String reference) {
		invoices.idOfOrder(orderId).ifPresent(id -> cashier.pay(id, amount, method, reference, null, true));
	}

	/**
	 * Applies a payment to an invoice; what it does not owe goes to credit.
	 * @throws ConflictException when the reference was already recorded for this method
	 */
	public Invoice pay(long invoiceId, long amount, PaymentMethod method, String reference, Long recordedBy) {
		try {
			cashier.pay(invoiceId, amount, method, reference, recordedBy, false);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("billing.payment.duplicate",
					"A payment with this reference is already recorded.");
		}
		return require(invoiceId);
	}

	public Invoice payFromCredit(long invoiceId) {
		cashier.payFromCredit(invoiceId);
		return require(invoiceId);
	}

	/**
	 * Puts money on the customer's credit (e.g. a payment for an order that was already
	 * paid).
	 */
	public void credit(long customerId, String currency, long amount, String reason) {
		cashier.credit(customerId, currency, amount, reason, null);
	}

	public Invoice cancel(long invoiceId) {
		return cashier.cancel(invoiceId);
	}

	public Invoice refund(long invoiceId, boolean toCredit) {
		return cashier.refund(invoiceId, toCredit);
	}

	public Invoice require(long invoiceId) {
		return invoices.find(invoiceId).orElseThrow(() -> new NotFoundException("invoice"));
	}

	/** The invoice when it is the customer's; otherwise not found (never "forbidden"). */
	public Invoice requireOwned(long invoiceId, long customerId) {
		return invoices.find(invoiceId)
			.filter(i -> i.customerId() == customerId && i.status() != InvoiceStatus.DRAFT)
			.orElseThrow(() -> new NotFoundException("invoice"));
	}

	public List<Invoice> ofCustomer(long customerId, int limit) {
		return invoices.ofCustomer(customerId, limit);
	}

	/** Credit per currency. */
	public Map<String, Long> creditOf(long customerId) {
		return ledger.balances(customerId);
	}

	public long creditOf(long customerId, String currency) {
		return ledger.balance(customerId, currency);
	}

	/** Starts renewing a service (idempotent: a service has one subscription). */
	@Transactional
	public void startSubscription(StartSubscription start) {
		// the renewal step taxes by the profile's country: it exists before the first
		// renewal
		profiles.ensure(accounts.require(start.customerId()));
		subscriptions.insertIfAbsent(start, Instant.now(clock));
	}

	/**
	 * The service a paid order created: the order invoice's line for it now names the
	 * service. Called in the transaction that creates the service row, so the line never
	 * points at a service that does not exist.
	 */
	@Transactional
	public void serviceCreated(long orderId, String kind, long serviceId) {
		invoices.attachService(orderId, kind, serviceId);
	}

	/**
	 * Keeps renewing a service whose owner holds its terms (an agency client service):
	 * creates its subscription or brings it in line with the service, the next period
	 * starting on {@code nextDueDate}. Idempotent.
	 */
	@Transactional
	public void keepRenewing(StartSubscription terms, LocalDate nextDueDate) {
		profiles.ensure(accounts.require(terms.customerId()));
		subscriptions.keep(terms, nextDueDate, Instant.now(clock));
	}

	/** The service is not renewed any more (one-time now, cancelled or deleted). */
	@Transactional
	public void stopRenewing(String kind, long sourceId) {
		subscriptions.stop(kind, sourceId, Instant.now(clock));
	}

	public Optional<Subscription> subscriptionOf(String kind, long sourceId) {
		return subscriptions.findBySource(kind, sourceId);
	}

	public List<Subscription> subscriptionsOf(String kind, Collection<Long> sourceIds) {
		return subscriptions.ofSources(kind, sourceIds);
	}

	/**
	 * The open (unpaid) renewal invoice of a service, if any: its next period is billed
	 * at the price it had when the invoice was issued.
	 */
	public Optional<Long> openRenewalOf(String kind, long sourceId) {
		return subscriptions.findBySource(kind, sourceId).flatMap(s -> renewalLines.openInvoiceOf(s.id()));
	}

	/**
	 * The periods of a service already invoiced (and not cancelled) that start on or
	 * after {@code from}, oldest first.
	 */
	public List<LocalDate> renewalsInvoicedFrom(String kind, long sourceId, LocalDate from) {
		return subscriptions.findBySource(kind, sourceId)
			.map(s -> renewalLines.periodsFrom(s.id(), from))
			.orElse(List.of());
	}

	/** Today in the business's time zone. */
	public LocalDate today() {
		return calendar.today();
	}

	/**
	 * Overdue invoices and services suspended for non-payment, for the admin dashboard.
	 */
	public OverdueSummary overdueSummary() {
		return overdue.summary(calendar.today());
	}

	/**
	 * The customer's services suspended for non-payment, with the invoice that restores
	 * each.
	 */
	public List<ServiceSuspension> suspensionsOf(long customerId) {
		return overdue.suspensionsOf(customerId);
	}

	/**
	 * Whether an unpaid invoice still holds a suspension of one of these services (of
	 * kind {@code kind}): the owner of a service suspended by several invoices restores
	 * it only once the last is paid.
	 */
	public boolean holdsSuspension(String kind, Collection<Long> serviceIds) {
		return overdue.holdsSuspension(kind, serviceIds);
	}

	/** The customer's open invoices (overdue first, then by due date) and suspensions. */
	public CustomerDues duesOf(long customerId) {
		LocalDate today = calendar.today();
		List<CustomerDues.Due> open = invoices.ofCustomer(customerId, 100)
			.stream()
			.filter(i -> i.status().open())
			.map(i -> new CustomerDues.Due(i.id(), i.number(), i.balanceMinor(), i.currency(), i.dueDate(),
					i.dueDate().isBefore(today)))
			.sorted(java.util.Comparator.comparing(CustomerDues.Due::dueDate))
			.toList();
		return new CustomerDues(open, overdue.suspensionsOf(customerId));
	}

	/**
	 * The service now renews on another plan (an upgrade or downgrade applied): its next
	 * renewals carry the new description and price. Does nothing for a service that is
	 * not renewed.
	 */
	@Transactional
	public void changeSubscriptionPlan(String kind, long sourceId, String description, long priceMinor, Long planId) {
		subscriptions.changePlan(kind, sourceId, description, priceMinor, planId, Instant.now(clock));
	}

}
