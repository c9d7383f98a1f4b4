package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.hostwright.audit.AuditLog;
import org.hostwright.billing.Billing;
import org.hostwright.billing.LineDraft;
import org.hostwright.billing.Periods;
import org.hostwright.billing.StartSubscription;
import org.hostwright.billing.Subscription;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job of a plan change, with the guarantees of every panel action: the change row is
 * locked and re-read, the panel is called outside the transaction, the outcome is
 * recorded once in another transaction. A retried run (or a second node) finds the change
 * done and does nothing; a run that crashed after the panel answered finds the account
 * already on the new package and does not call again.
 */
@Component
class PlanChangeApplier {

	private static final Logger log = LoggerFactory.getLogger(PlanChangeApplier.class);

	static final String STEP = "plan_change";

	private final PlanChangeStore changes;

	private final ServiceStore services;

	private final ProvisioningLog logs;

	private final PanelConnector panels;

	private final Catalog catalog;

	private final Billing billing;

	private final AuditLog audit;

	private final ServiceNotifications notifications;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final java.time.Duration lease;

	PlanChangeApplier(PlanChangeStore changes, ServiceStore services, ProvisioningLog logs, PanelConnector panels,
			Catalog catalog, Billing billing, AuditLog audit, ServiceNotifications notifications,
			TransactionTemplate tx, WebuzoProperties webuzo, Clock clock) {
		// two panel calls (find, edit), each with its timeouts, and a margin
		this.lease = webuzo.timeout().plus(webuzo.connectTimeout()).multipliedBy(2).plusSeconds(30);
		this.changes = changes;
		this.services = services;
		this.logs = logs;
		this.panels = panels;
		this.catalog = catalog;
		this.billing = billing;
		this.audit = audit;
		this.notifications = notifications;
		this.tx = tx;
		this.clock = clock;
	}

	void apply(long changeId) {
		PlanChange change = tx.execute(status -> claim(changeId));
		if (change == null) {
			return;
		}
		HostingService service = services.find(change.serviceId()).orElseThrow();
		Trail trail = new Trail();
		try {
			changePackage(service, change.toPackage(), trail);
			tx.executeWithoutResult(status -> done(changeId, trail));
		}
		catch (RuntimeException ex) {
			log.warn("plan change {} of service {} failed: {}", changeId, service.id(), ex.getMessage());
			tx.executeWithoutResult(status -> {
				trail.writeTo(logs, service);
				logs.step(service, STEP, false, ex.getMessage());
				changes.attemptFailed(changeId, ex.getMessage(), Instant.now(clock));
				services.releaseLease(service.id());
			});
			throw ex;
		}
	}

	/**
	 * The change to apply, with its service held for this run: another panel job on the
	 * service (suspend, re-provision) waits for it, and this one waits for them.
	 */
	private PlanChange claim(long changeId) {
		PlanChange change = changes.lock(changeId).filter(c -> c.status() == PlanChangeStatus.APPLYING).orElse(null);
		if (change == null) {
			return null;
		}
		if (services.lock(change.serviceId()).isEmpty()) {
			return null;
		}
		Instant now = Instant.now(clock);
		// the change, not one of its job's retries: a retry of a change whose run was
		// cut off takes the lease back as the revived run itself would
		String job = ProvisioningJobs.planChangeId(changeId, 0);
		ServiceLease held = services.leaseOf(change.serviceId()).orElse(null);
		if (held != null && held.blocks(job, now)) {
			throw new ServiceBusyException(change.serviceId(), held.until());
		}
		services.lease(change.serviceId(), now.plus(lease), job);
		return change;
	}

	private void changePackage(HostingService service, String panelPackage, Trail trail) {
		if (service.panelServerId() == null || service.panelUsername() == null) {
			throw new PanelException(PanelException.Kind.REFUSED, "the service has no control panel account");
		}
		HostingPanel panel = panels.open(service.panelServerId(), trail);
		PanelAccount account = panel.findAccount(service.panelUsername())
			.orElseThrow(() -> new PanelException(PanelException.Kind.REFUSED,
					"the account " + service.panelUsername() + " is not on the panel"));
		if (Objects.equals(account.panelPackage(), panelPackage)) {
			trail.note(STEP, true, "already on package " + panelPackage + ": counted as changed");
			return;
		}
		// the account's own domain and e-mail, so the edit changes nothing but the
		// package
		panel.changePackage(account.username(), account.domain(), account.email(), panelPackage);
	}

	private void done(long changeId, Trail trail) {
		PlanChange change = changes.lock(changeId).orElseThrow();
		if (change.status() != PlanChangeStatus.APPLYING) {
			return;
		}
		HostingService service = services.lock(change.serviceId()).orElseThrow();
		Plan to = catalog.find(change.toPlanId()).orElseThrow();
		Instant now = Instant.now(clock);
		changes.moveService(service.id(), to.id(), to.slug(), change.toPackage(), now);
		billing.changeSubscriptionPlan(StartSubscription.HOSTING, service.id(),
				to.name() + (service.domain() == null ? "" : " – " + service.domain()), to.priceMinor(), to.id());
		Plan from = catalog.find(change.fromPlanId()).orElseThrow();
		settle(change, service, from, to);
		changes.markDone(change, now);
		services.releaseLease(service.id());
		trail.writeTo(logs, service);
		logs.step(service, STEP, true,
				"plan " + service.planSlug() + " → " + to.slug() + ", panel package " + change.toPackage());
		audit.recordFor(null, null, "service.plan_change.applied", "service", service.id(),
				service.planSlug() + " → " + to.slug() + ", panel package " + change.toPackage());
	}

	/**
	 * The money side of an applied change, once (in the transaction that marks it done):
	 * a downgrade's unused part goes to the customer's credit, which the next invoice
	 * uses; a renewal invoiced at the old price while the upgrade waited for payment gets
	 * an invoice for the difference of that period.
	 */
	private void settle(PlanChange change, HostingService service, Plan from, Plan to) {
		String what = from.name() + " to " + to.name() + (service.domain() == null ? "" : " – " + service.domain());
		if (change.credits()) {
			billing.credit(change.customerId(), change.currency(), -change.chargeMinor(),
					"plan change from " + what + ", unused part " + change.periodStart() + " to " + change.periodEnd());
		}
		if (!change.upgrade() || change.periodEnd() == null) {
			return;
		}
		Subscription renewing = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElse(null);
		List<LocalDate> later = billing.renewalsInvoicedFrom(StartSubscription.HOSTING, service.id(),
				change.periodEnd().plusDays(1));
		if (renewing == null || later.isEmpty()) {
			return;
		}
		List<LineDraft> lines = later.stream()
			.map(start -> new LineDraft("Upgrade from " + what + ", renewal invoiced before the upgrade", 1,
					change.amountMinor(), StartSubscription.HOSTING, service.id(), start,
					Periods.lastDay(start, renewing.period(), renewing.anchorDay())))
			.toList();
		LocalDate today = billing.today();
		LocalDate due = later.get(0).isAfter(today) ? later.get(0) : today;
		billing.issue(change.customerId(), change.currency(), due, lines);
	}

	/** After the last attempt: failed (shown on the service page), the admins told. */
	void giveUp(long changeId, String reason) {
		tx.executeWithoutResult(status -> changes.lock(changeId).ifPresent(c -> {
			if (c.status() != PlanChangeStatus.APPLYING) {
				return;
			}
			changes.move(c, PlanChangeStatus.FAILED, Instant.now(clock));
			HostingService s = services.find(c.serviceId()).orElseThrow();
			logs.step(s, STEP, false, "plan change gave up: " + reason);
			notifications.provisioningFailed(s, "Plan change failed: " + reason);
		}));
	}

	int attempts(long changeId) {
		return changes.find(changeId).map(PlanChange::attempts).orElse(Integer.MAX_VALUE);
	}

}
