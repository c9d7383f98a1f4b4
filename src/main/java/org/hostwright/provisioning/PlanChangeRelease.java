package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;

import org.hostwright.audit.AuditLog;
import org.hostwright.billing.Billing;
import org.hostwright.billing.Invoice;
import org.hostwright.billing.InvoiceCancelled;
import org.hostwright.billing.InvoiceStatus;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.NotFoundException;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a plan change that cannot go on by itself, so an unpaid or failed change never
 * blocks the service's next one: the customer cancels a change waiting for payment (its
 * invoice is cancelled with it), an admin cancels one waiting for payment or failed (a
 * paid invoice is refunded to the customer's credit) or retries a failed one through its
 * job, and an invoice cancelled elsewhere releases its change. Each move locks the change
 * and checks its state, so a double click does it once and a payment that got there first
 * wins.
 */
@Component
class PlanChangeRelease {

	private final PlanChangeStore changes;

	private final ServiceStore services;

	private final Billing billing;

	private final PlanChangeJobs jobs;

	private final ProvisioningLog logs;

	private final AuditLog audit;

	private final Clock clock;

	PlanChangeRelease(PlanChangeStore changes, ServiceStore services, Billing billing, PlanChangeJobs jobs,
			ProvisioningLog logs, AuditLog audit, Clock clock) {
		this.changes = changes;
		this.services = services;
		this.billing = billing;
		this.jobs = jobs;
		this.logs = logs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The customer cancels the service's change that waits for payment.
	 * @throws NotFoundException another customer's service, or no open change
	 * @throws ConflictException the change is past waiting for payment (its invoice was
	 * paid meanwhile)
	 */
	@Transactional
	PlanChange cancelByCustomer(long serviceId, long customerId) {
		if (services.find(serviceId).filter(s -> s.customerId() == customerId).isEmpty()) {
			throw new NotFoundException("service");
		}
		PlanChange open = changes.openOf(serviceId).orElseThrow(() -> new NotFoundException("plan change"));
		PlanChange change = changes.lock(open.id()).orElseThrow();
		if (change.status() != PlanChangeStatus.AWAITING_PAYMENT) {
			throw notCancellable();
		}
		cancel(change, "by the customer");
		audit.record("service.plan_change.cancelled", "service", serviceId, "change " + change.id() + " by the customer"
				+ (change.invoiceId() == null ? "" : ", invoice " + change.invoiceId() + " cancelled"));
		return changes.find(change.id()).orElseThrow();
	}

	/**
	 * An admin cancels a change waiting for payment (its invoice cancelled) or failed (a
	 * paid invoice refunded to the customer's credit). Audited.
	 */
	@Transactional
	PlanChange cancelByAdmin(long serviceId, long changeId) {
		PlanChange change = lockOf(serviceId, changeId);
		if (!change.status().canMoveTo(PlanChangeStatus.CANCELLED)) {
			throw notCancellable();
		}
		String refund = "";
		if (change.status() == PlanChangeStatus.FAILED && change.invoiceId() != null) {
			Invoice invoice = billing.require(change.invoiceId());
			if (invoice.status() == InvoiceStatus.PAID) {
				billing.refund(invoice.id(), true);
				refund = ", invoice " + invoice.number() + " refunded to credit";
			}
		}
		cancel(change, "by an admin");
		audit.record("service.plan_change.cancelled", "service", serviceId,
				"change " + change.id() + " by an admin"
						+ (change.status() == PlanChangeStatus.AWAITING_PAYMENT && change.invoiceId() != null
								? ", invoice " + change.invoiceId() + " cancelled" : refund));
		return changes.find(change.id()).orElseThrow();
	}

	/**
	 * An admin applies a failed change again: a new round of its job with fresh attempts,
	 * in this transaction. Audited.
	 * @throws ConflictException the change is not failed (a second click finds it
	 * applying)
	 */
	@Transactional
	PlanChange retry(long serviceId, long changeId) {
		PlanChange change = lockOf(serviceId, changeId);
		if (change.status() != PlanChangeStatus.FAILED) {
			// awaiting payment may also move to applying, but only its payment moves it
			throw new ConflictException("services.plan.notFailed",
					"Only a failed plan change can be retried; this one is " + change.status().wire() + ".");
		}
		Instant now = Instant.now(clock);
		PlanChange again = changes.markRetried(change, now);
		jobs.schedule(again, now);
		services.find(serviceId)
			.ifPresent(s -> logs.step(s, PlanChangeApplier.STEP, true, "retry " + again.retries() + " by an admin"));
		audit.record("service.plan_change.retried", "service", serviceId,
				"change " + change.id() + ", retry " + again.retries());
		return again;
	}

	/**
	 * An invoice cancelled elsewhere (an admin's cancel on the invoice page, or the
	 * billing automation letting an unpaid upgrade invoice lapse) releases the change
	 * that waited for it.
	 */
	@ApplicationModuleListener
	void on(InvoiceCancelled event) {
		changes.lockAwaitingInvoice(event.invoiceId()).ifPresent(c -> {
			changes.markCancelled(c, Instant.now(clock));
			services.find(c.serviceId())
				.ifPresent(s -> logs.step(s, PlanChangeApplier.STEP, true, "cancelled with its invoice"));
			audit.recordFor(null, null, "service.plan_change.cancelled", "service", c.serviceId(),
					"change " + c.id() + ": its invoice " + event.invoiceId() + " was cancelled");
		});
	}

	private void cancel(PlanChange change, String by) {
		if (change.status() == PlanChangeStatus.AWAITING_PAYMENT && change.invoiceId() != null
				&& billing.require(change.invoiceId()).status() != InvoiceStatus.CANCELLED) {
			try {
				billing.cancel(change.invoiceId());
			}
			catch (ConflictException paid) {
				// the invoice (locked and re-read) was paid first: the change goes on,
				// and
				// the whole cancellation rolls back
				throw notCancellable();
			}
		}
		changes.markCancelled(change, Instant.now(clock));
		services.find(change.serviceId())
			.ifPresent(s -> logs.step(s, PlanChangeApplier.STEP, true, "plan change cancelled " + by));
	}

	private PlanChange lockOf(long serviceId, long changeId) {
		return changes.lock(changeId)
			.filter(c -> c.serviceId() == serviceId)
			.orElseThrow(() -> new NotFoundException("plan change"));
	}

	private static ConflictException notCancellable() {
		return new ConflictException("services.plan.notCancellable",
				"This plan change can no longer be cancelled: its invoice is paid and the change is being applied.");
	}

}
