package org.hostwright.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hostwright.agency.ServiceKinds.Period;
import org.hostwright.agency.ServiceKinds.Status;
import org.hostwright.audit.AuditLog;
import org.hostwright.billing.Billing;
import org.hostwright.billing.RenewalPaid;
import org.hostwright.billing.StartSubscription;
import org.hostwright.billing.Subscription;
import org.hostwright.catalog.BillingPeriod;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Client services are renewed by billing: each monthly or annual service of a site with a
 * client account has a subscription billed to that account, its next period starting
 * where the service's period ends (UTC), invoiced only while auto-renew is on. Paying the
 * renewal invoice extends the service by the paid period, once. The agency stays the
 * owner of the dates: every change of a service is passed on to billing.
 */
@Component
class ClientBilling {

	private static final String ACTIVE = "active";

	private final ClientServiceRepository services;

	private final Subscriptions subscriptions;

	private final Billing billing;

	private final AuditLog audit;

	private final Clock clock;

	ClientBilling(ClientServiceRepository services, Subscriptions subscriptions, Billing billing, AuditLog audit,
			Clock clock) {
		this.services = services;
		this.subscriptions = subscriptions;
		this.billing = billing;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Brings the service's subscription in line with the service (in the caller's
	 * transaction).
	 */
	void sync(ClientService s) {
		Long customerId = subscriptions.forSite(s.hostedSiteId())
			.map(Subscriptions.Subscription::customerId)
			.orElse(null);
		LocalDate next = nextPeriodStart(s);
		if (customerId == null || s.billingPeriod() == Period.ONE_TIME || next == null
				|| s.status() == Status.CANCELLED) {
			billing.stopRenewing(StartSubscription.AGENCY, s.id());
			return;
		}
		billing.keepRenewing(new StartSubscription(StartSubscription.AGENCY, s.id(), customerId, s.name(), s.currency(),
				s.priceCents(), period(s.billingPeriod()), next, s.autoRenew()), next);
	}

	/** Every service of a site: at acceptance, when the client's account appears. */
	void syncSite(long siteId) {
		services.forSite(siteId).forEach(this::sync);
	}

	/**
	 * The services that have no subscription yet (made before billing existed, or before
	 * their site was accepted); the daily renewal check calls it.
	 */
	int syncMissing() {
		List<ClientService> all = services.ofClients();
		Set<Long> known = billing
			.subscriptionsOf(StartSubscription.AGENCY, all.stream().map(ClientService::id).toList())
			.stream()
			.map(Subscription::sourceId)
			.collect(Collectors.toSet());
		List<ClientService> missing = all.stream().filter(s -> !known.contains(s.id())).toList();
		missing.forEach(this::sync);
		return missing.size();
	}

	/** Those of the services that billing invoices to the client by itself. */
	Set<Long> invoicedAutomatically(List<Long> serviceIds) {
		return billing.subscriptionsOf(StartSubscription.AGENCY, serviceIds)
			.stream()
			.filter(sub -> sub.autoRenew() && ACTIVE.equals(sub.status()))
			.map(Subscription::sourceId)
			.collect(Collectors.toSet());
	}

	void deleted(long serviceId) {
		billing.stopRenewing(StartSubscription.AGENCY, serviceId);
	}

	@ApplicationModuleListener
	void on(RenewalPaid paid) {
		if (StartSubscription.AGENCY.equals(paid.kind())) {
			services.find(paid.sourceId()).ifPresent(s -> extend(s, paid));
		}
	}

	private void extend(ClientService s, RenewalPaid paid) {
		Instant end = s.periodEnd() != null ? s.periodEnd() : s.expiresAt();
		if (end == null || !end.atOffset(ZoneOffset.UTC).toLocalDate().equals(paid.periodStart())) {
			return;
		}
		Instant newEnd = paid.nextDueDate()
			.atTime(end.atOffset(ZoneOffset.UTC).toLocalTime())
			.toInstant(ZoneOffset.UTC);
		Status status = s.status().canMoveTo(Status.ACTIVE) ? Status.ACTIVE : s.status();
		if (services.extend(s, end, newEnd, status, Instant.now(clock))) {
			audit.recordFor(null, null, "client_service.renewed", "client_service", s.id(),
					"paid by invoice #" + paid.invoiceId() + ", until " + newEnd);
		}
	}

	static LocalDate nextPeriodStart(ClientService s) {
		Instant end = s.periodEnd() != null ? s.periodEnd() : s.expiresAt();
		return end == null ? null : end.atOffset(ZoneOffset.UTC).toLocalDate();
	}

	private static BillingPeriod period(Period p) {
		return p == Period.ANNUAL ? BillingPeriod.ANNUAL : BillingPeriod.MONTHLY;
	}

}
