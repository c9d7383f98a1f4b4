package org.hostwright.provisioning;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

import org.hostwright.accounts.AccountUser;
import org.hostwright.billing.Billing;
import org.hostwright.billing.StartSubscription;
import org.hostwright.billing.Subscription;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's services over the JSON API. */
@RestController
@RequestMapping("/api/me/services")
class ServicesApiController {

	private final HostingServices services;

	private final Billing billing;

	private final PlanChanges planChanges;

	ServicesApiController(HostingServices services, Billing billing, PlanChanges planChanges) {
		this.planChanges = planChanges;
		this.services = services;
		this.billing = billing;
	}

	/** A service with its billing: period, next due date and the price it renews at. */
	record ServiceJson(long id, UUID orderUuid, String domain, String planSlug, String status, String panelUsername,
			Instant createdAt, Instant lastProvisionedAt, String billingPeriod, LocalDate nextDueDate, Long priceCents,
			String currency) {

		static ServiceJson from(HostingService s, Subscription b) {
			return new ServiceJson(s.id(), s.orderUuid(), s.domain(), s.planSlug(), s.status().wire(),
					s.panelUsername(), s.createdAt(), s.lastProvisionedAt(),
					b == null ? null : b.period().name().toLowerCase(Locale.ROOT), b == null ? null : b.nextDueDate(),
					b == null ? null : b.priceMinor(), b == null ? null : b.currency());
		}

	}

	@GetMapping
	List<ServiceJson> list(@AuthenticationPrincipal AccountUser me) {
		List<HostingService> mine = services.ofCustomer(me.id());
		Map<Long, Subscription> billed = billing
			.subscriptionsOf(StartSubscription.HOSTING, mine.stream().map(HostingService::id).toList())
			.stream()
			.collect(Collectors.toMap(Subscription::sourceId, b -> b));
		return mine.stream().map(s -> ServiceJson.from(s, billed.get(s.id()))).toList();
	}

	@GetMapping("/{id}")
	ServiceJson show(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		HostingService s = services.requireOwned(id, me.id());
		return ServiceJson.from(s, billing.subscriptionOf(StartSubscription.HOSTING, s.id()).orElse(null));
	}

	/** 302 to a one-time sign-in URL of the control panel. */
	@GetMapping("/{id}/sso")
	ResponseEntity<Void> sso(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(services.singleSignOn(id, me.id()))).build();
	}

	/** "Finish setup" for a paid order without a service. */
	@PostMapping("/provision/{orderUuid}")
	ResponseEntity<ServiceJson> provision(@PathVariable UUID orderUuid, @AuthenticationPrincipal AccountUser me) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(ServiceJson.from(services.finishSetup(orderUuid, me.id()), null));
	}

	/** The plan a service should move to. */
	record PlanChangeRequest(String planSlug) {
	}

	/**
	 * A plan change: {@code difference_cents} is what the new plan costs more per period
	 * (negative for a downgrade), invoiced as {@code invoice_id} when positive.
	 */
	record PlanChangeJson(long id, long serviceId, String status, long fromPlanId, long toPlanId, String panelPackage,
			long differenceCents, String currency, Long invoiceId, String lastError, Instant requestedAt,
			Instant appliedAt) {

		static PlanChangeJson from(PlanChange c) {
			return new PlanChangeJson(c.id(), c.serviceId(), c.status().wire(), c.fromPlanId(), c.toPlanId(),
					c.toPackage(), c.amountMinor(), c.currency(), c.invoiceId(), c.lastError(), c.requestedAt(),
					c.appliedAt());
		}

	}

	/**
	 * "Upgrade plan": 202 with the change; an upgrade waits for its invoice to be paid.
	 * 400 for a plan the service cannot move to, 409 while another change is open.
	 */
	@PostMapping("/{id}/plan")
	ResponseEntity<PlanChangeJson> changePlan(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestBody(required = false) PlanChangeRequest body,
			@AuthenticationPrincipal AccountUser me) {
		PlanChange change = planChanges.request(id, me.id(), body == null ? null : body.planSlug());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(PlanChangeJson.from(change));
	}

	/** The service's open plan change, else its last one; 404 when it never had one. */
	@GetMapping("/{id}/plan")
	PlanChangeJson planChange(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		services.requireOwned(id, me.id());
		return planChanges.latestOf(id)
			.map(PlanChangeJson::from)
			.orElseThrow(() -> new org.hostwright.platform.NotFoundException("plan change"));
	}

}
