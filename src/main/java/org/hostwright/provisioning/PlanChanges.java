package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.audit.AuditLog;
import org.hostwright.billing.Billing;
import org.hostwright.billing.InvoiceCancelled;
import org.hostwright.billing.InvoicePaid;
import org.hostwright.billing.LineDraft;
import org.hostwright.billing.StartSubscription;
import org.hostwright.billing.Subscription;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Jobs;
import org.hostwright.platform.NotFoundException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Upgrade plan": a customer moves an active service to another plan of the same currency
 * and billing period. One transaction records the change (one open change per service, a
 * unique index) and, when the new plan costs more, invoices the difference for the
 * period; once that invoice is paid ({@link InvoicePaid}), or at once for a cheaper plan,
 * a job keyed on the change changes the panel package and the service
 * ({@link PlanChangeApplier}).
 */
@Component
class PlanChanges {

	static final String FIELD = "plan_slug";

	private final ServiceStore services;

	private final PlanChangeStore changes;

	private final Catalog catalog;

	private final Billing billing;

	private final ProvisioningProperties properties;

	private final Jobs jobs;

	private final OneTimeTask<Long> task;

	private final AuditLog audit;

	private final Clock clock;

	PlanChanges(ServiceStore services, PlanChangeStore changes, Catalog catalog, Billing billing,
			ProvisioningProperties properties, Jobs jobs, @Qualifier("planChangeTask") OneTimeTask<Long> task,
			AuditLog audit, Clock clock) {
		this.services = services;
		this.changes = changes;
		this.catalog = catalog;
		this.billing = billing;
		this.properties = properties;
		this.jobs = jobs;
		this.task = task;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records the customer's change of plan, invoicing the difference of an upgrade.
	 * @throws NotFoundException another customer's service
	 * @throws InvalidInputException an unknown, inactive or same plan, another currency
	 * or period, or a service that is not active
	 * @throws ConflictException a change of this service is already open
	 */
	@Transactional
	PlanChange request(long serviceId, long customerId, String planSlug) {
		HostingService service = services.lock(serviceId)
			.filter(s -> s.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("service"));
		Plan from = catalog.find(service.planId()).orElseThrow(() -> new NotFoundException("plan"));
		Plan to = target(service, from, planSlug);
		if (changes.openOf(serviceId).isPresent()) {
			throw alreadyOpen();
		}
		long current = billing.subscriptionOf(StartSubscription.HOSTING, serviceId)
			.map(Subscription::priceMinor)
			.orElse(from.priceMinor());
		long difference = to.priceMinor() - current;
		Instant now = Instant.now(clock);
		long id;
		try {
			id = changes.insert(service, to.id(), properties.packageFor(to.slug(), to.panelPackage()), difference,
					to.currency(), difference > 0 ? PlanChangeStatus.AWAITING_PAYMENT : PlanChangeStatus.APPLYING, now);
		}
		catch (DuplicateKeyException ex) {
			// another node's request for the same service committed first
			throw alreadyOpen();
		}
		if (difference > 0) {
			String line = "Upgrade from " + from.name() + " to " + to.name()
					+ (service.domain() == null ? "" : " – " + service.domain());
			long invoice = billing.issueUpgrade(customerId, to.currency(), billing.today(),
					List.of(new LineDraft(line, 1, difference, StartSubscription.HOSTING, serviceId, null, null)));
			changes.attachInvoice(id, invoice);
		}
		else {
			schedule(id, now);
		}
		audit.record("service.plan_change.requested", "service", serviceId, from.slug() + " → " + to.slug()
				+ (difference > 0
						? ", difference " + org.hostwright.platform.Money.plain(difference, to.currency()) + " invoiced"
						: ", no invoice"));
		return changes.find(id).orElseThrow();
	}

	/** The upgrade's invoice is paid: the change is applied by its job. */
	@ApplicationModuleListener
	void on(InvoicePaid event) {
		changes.lockAwaitingInvoice(event.invoiceId()).ifPresent(c -> {
			Instant now = Instant.now(clock);
			changes.move(c, PlanChangeStatus.APPLYING, now);
			schedule(c.id(), now);
		});
	}

	/**
	 * The upgrade's invoice was cancelled (unpaid when the billing automation let it
	 * lapse, or by an admin): the change is cancelled and the service may change again.
	 */
	@ApplicationModuleListener
	void on(InvoiceCancelled event) {
		changes.lockAwaitingInvoice(event.invoiceId()).ifPresent(c -> {
			changes.markCancelled(c, Instant.now(clock));
			audit.recordFor(null, null, "service.plan_change.cancelled", "service", c.serviceId(),
					"invoice #" + event.invoiceId() + " cancelled");
		});
	}

	/** The service's open change, else its last one. */
	Optional<PlanChange> latestOf(long serviceId) {
		return changes.latestOf(serviceId);
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

	private void schedule(long changeId, Instant at) {
		jobs.scheduleIfAbsent(task.instance(ProvisioningJobs.planChangeId(changeId), changeId), at);
	}

	private Plan target(HostingService service, Plan from, String slug) {
		if (slug == null || slug.isBlank()) {
			throw new InvalidInputException(FIELD, "services.plan.required", "Choose a plan.");
		}
		Plan to = catalog.findBySlug(slug.strip())
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

	private static ConflictException alreadyOpen() {
		return new ConflictException("services.plan.open",
				"A plan change of this service is already under way: it must finish first.");
	}

}
