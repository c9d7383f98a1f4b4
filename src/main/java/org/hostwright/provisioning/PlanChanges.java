package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hostwright.audit.AuditLog;
import org.hostwright.billing.Billing;
import org.hostwright.billing.InvoicePaid;
import org.hostwright.billing.LineDraft;
import org.hostwright.billing.StartSubscription;
import org.hostwright.billing.Subscription;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Money;
import org.hostwright.platform.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Upgrade plan": a customer moves an active service to another plan of the same currency
 * and billing period. The quote prorates the price difference over what is left of the
 * paid period ({@link Proration}); confirming it records the change in one transaction
 * (one open change per service, a unique index) and invoices a positive charge; once that
 * invoice is paid ({@link InvoicePaid}), or at once when there is nothing to pay, a job
 * keyed on the change changes the panel package and the service
 * ({@link PlanChangeApplier}), which also credits a downgrade's unused part.
 */
@Component
class PlanChanges {

	static final String FIELD = "plan_slug";

	private final ServiceStore services;

	private final PlanChangeStore changes;

	private final Catalog catalog;

	private final Billing billing;

	private final ProvisioningProperties properties;

	private final PlanChangeJobs jobs;

	private final AuditLog audit;

	private final Clock clock;

	PlanChanges(ServiceStore services, PlanChangeStore changes, Catalog catalog, Billing billing,
			ProvisioningProperties properties, PlanChangeJobs jobs, AuditLog audit, Clock clock) {
		this.services = services;
		this.changes = changes;
		this.catalog = catalog;
		this.billing = billing;
		this.properties = properties;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What moving the customer's service to the plan would cost now.
	 * @throws NotFoundException another customer's service
	 * @throws InvalidInputException an unknown, inactive or same plan, another currency
	 * or period, or a service that is not active
	 * @throws ConflictException a change of this service is already open, or its next
	 * renewal is invoiced and not paid yet
	 */
	PlanQuote quote(long serviceId, long customerId, String planSlug) {
		HostingService service = services.find(serviceId)
			.filter(s -> s.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("service"));
		return quote(service, planSlug);
	}

	/**
	 * Records the customer's change of plan at the quoted charge, invoicing a positive
	 * one.
	 * @param expectedChargeMinor the charge the customer saw, or null (the API): a
	 * different one now (the day changed, a renewal was paid) is refused, never charged
	 * @throws ConflictException as {@link #quote}, and when the charge is not the one
	 * seen
	 */
	@Transactional
	PlanChange request(long serviceId, long customerId, String planSlug, Long expectedChargeMinor) {
		HostingService service = services.lock(serviceId)
			.filter(s -> s.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("service"));
		PlanQuote q = quote(service, planSlug);
		if (expectedChargeMinor != null && expectedChargeMinor.longValue() != q.chargeMinor()) {
			throw new ConflictException("services.plan.quoteChanged",
					"The price of the change is not the one shown any more: check it again.");
		}
		Instant now = Instant.now(clock);
		long id;
		try {
			id = changes.insert(service, q, properties.packageFor(q.to().slug(), q.to().panelPackage()),
					q.invoiced() ? PlanChangeStatus.AWAITING_PAYMENT : PlanChangeStatus.APPLYING, now);
		}
		catch (DuplicateKeyException ex) {
			// another node's request for the same service committed first
			throw alreadyOpen();
		}
		if (q.invoiced()) {
			long invoice = billing.issueUpgrade(customerId, q.currency(), billing.today(),
					List.of(new LineDraft(describe(q, service), 1, q.chargeMinor(), StartSubscription.HOSTING,
							serviceId, q.periodStart(), q.periodEnd())));
			changes.attachInvoice(id, invoice);
		}
		else {
			jobs.schedule(changes.find(id).orElseThrow(), now);
		}
		audit.record("service.plan_change.requested", "service", serviceId,
				q.from().slug() + " → " + q.to().slug()
						+ (q.invoiced() ? ", " + Money.plain(q.chargeMinor(), q.currency()) + " invoiced"
								: q.credits()
										? ", " + Money.plain(q.creditMinor(), q.currency()) + " to credit when applied"
										: ", nothing to pay"));
		return changes.find(id).orElseThrow();
	}

	/**
	 * The upgrade's invoice is paid: the change is applied by its job. A new order's
	 * invoice is never an upgrade's, so its payment stores no publication for this
	 * listener.
	 */
	@ApplicationModuleListener(condition = "#event.ofOrder() != true")
	void on(InvoicePaid event) {
		changes.lockAwaitingInvoice(event.invoiceId()).ifPresent(c -> {
			Instant now = Instant.now(clock);
			changes.move(c, PlanChangeStatus.APPLYING, now);
			jobs.schedule(c, now);
		});
	}

	/** The service's open change, else its last one. */
	Optional<PlanChange> latestOf(long serviceId) {
		return changes.latestOf(serviceId);
	}

	/** The service's changes, newest first (the admin's service page). */
	List<PlanChange> historyOf(long serviceId) {
		return changes.ofService(serviceId, 50);
	}

	/** The plans the service may move to: active, same currency and billing period. */
	List<Plan> choicesFor(HostingService service) {
		Optional<Plan> from = catalog.find(service.planId());
		if (from.isEmpty()) {
			return List.of();
		}
		return catalog.activePlans(100)
			.stream()
			.filter(p -> p.id() != service.planId() && compatible(from.get(), p))
			.toList();
	}

	private PlanQuote quote(HostingService service, String planSlug) {
		Plan from = catalog.find(service.planId()).orElseThrow(() -> new NotFoundException("plan"));
		Plan to = target(service, from, planSlug);
		if (changes.openOf(service.id()).isPresent()) {
			throw alreadyOpen();
		}
		if (billing.openRenewalOf(StartSubscription.HOSTING, service.id()).isPresent()) {
			// the next period is invoiced at the old price: paid first, it moves the due
			// date and the change is prorated up to the new one (as WHMCS does)
			throw new ConflictException("services.plan.renewalOpen",
					"An invoice for the next renewal of this service is still open: pay it first, then change the plan.");
		}
		Optional<Subscription> renewing = billing.subscriptionOf(StartSubscription.HOSTING, service.id());
		long current = renewing.map(Subscription::priceMinor).orElse(from.priceMinor());
		long difference = to.priceMinor() - current;
		if (renewing.isEmpty()) {
			// not renewed: the difference of one period, as before proration
			return new PlanQuote(service.id(), from, to, difference, Math.max(0, difference), to.currency(), null, null,
					0, null);
		}
		Subscription s = renewing.get();
		Proration.Share share = Proration.of(difference, to.currency(), billing.today(), s.nextDueDate(), s.period(),
				s.anchorDay());
		return new PlanQuote(service.id(), from, to, difference, share.amountMinor(), to.currency(), share.start(),
				share.end(), share.days(), s.nextDueDate());
	}

	private static String describe(PlanQuote q, HostingService service) {
		return "Upgrade from " + q.from().name() + " to " + q.to().name()
				+ (service.domain() == null ? "" : " – " + service.domain())
				+ (q.periodStart() == null ? "" : ", prorated for " + q.days() + (q.days() == 1 ? " day" : " days"));
	}

	private Plan target(HostingService service, Plan from, String slug) {
		if (slug == null || slug.isBlank()) {
			throw new InvalidInputException(FIELD, "services.plan.required", "Choose a plan.");
		}
		String wanted = slug.strip();
		// a slug is short lowercase text: anything else (a NUL, a whole page) is no plan,
		// without asking the database
		Plan to = (wanted.length() > 120 || !wanted.matches("[A-Za-z0-9._-]+") ? Optional.<Plan>empty()
				: catalog.findBySlug(wanted))
			.filter(Plan::active)
			.orElseThrow(() -> new InvalidInputException(FIELD, "services.plan.unknown", "There is no such plan."));
		if (to.id() == from.id()) {
			throw new InvalidInputException(FIELD, "services.plan.same", "The service is already on this plan.");
		}
		if (!compatible(from, to)) {
			throw new InvalidInputException(FIELD, "services.plan.incompatible",
					"Choose a plan in the same currency and billing period as the current one.");
		}
		if (service.status() != ServiceStatus.ACTIVE || service.panelUsername() == null) {
			throw new InvalidInputException(FIELD, "services.plan.inactive",
					"Only an active service can change its plan.");
		}
		return to;
	}

	private static boolean compatible(Plan from, Plan to) {
		return from.currency().equals(to.currency()) && from.billingPeriod() == to.billingPeriod();
	}

	static ConflictException alreadyOpen() {
		return new ConflictException("services.plan.open",
				"A plan change of this service is already under way: it must finish first.");
	}

}
