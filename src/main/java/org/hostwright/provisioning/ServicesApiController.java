package org.hostwright.provisioning;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's services over the JSON API, with what the pages show of them: the setup
 * progress, a panel action not yet confirmed, a plan change under way.
 */
@Tag(name = "Services", description = "The caller's hosting services and their plan changes")
@RestController
@RequestMapping("/api/me/services")
class ServicesApiController {

	private final HostingServices services;

	private final Billing billing;

	private final PlanChanges planChanges;

	private final PlanChangeRelease release;

	private final SetupEstimates estimates;

	ServicesApiController(HostingServices services, Billing billing, PlanChanges planChanges, PlanChangeRelease release,
			SetupEstimates estimates) {
		this.planChanges = planChanges;
		this.release = release;
		this.estimates = estimates;
		this.services = services;
		this.billing = billing;
	}

	/**
	 * How far the account's setup has come: {@code state} {@code setting_up},
	 * {@code failed} or {@code ready} (one name on every page), {@code step} 1 paid, 2
	 * creating the account, 3 ready.
	 */
	record ServiceSetupJson(String state, int step, int attempt, int maxAttempts, boolean retrying,
			Instant nextAttemptAt, Instant estimatedReadyAt, long minutesLeft) {

		static ServiceSetupJson from(SetupProgress p) {
			return new ServiceSetupJson(p.state(), p.step(), p.attempt(), p.maxAttempts(), p.retrying(),
					p.nextAttemptAt(), p.estimatedReadyAt(), p.minutesLeft());
		}

	}

	/**
	 * A panel action asked for and not yet confirmed by the panel: {@code action}
	 * {@code suspend}, {@code activate} or {@code terminate}.
	 */
	record PendingActionJson(String action, String reason, Instant since) {

		static PendingActionJson from(PendingAction p) {
			return new PendingActionJson(p.action(), p.reason(), p.since());
		}

	}

	/**
	 * A service with its billing (period, next due date, the price it renews at) and its
	 * state: {@code setup}, {@code pending_action} (null when none), {@code plan_change}
	 * (the open one, else null).
	 */
	record ServiceJson(long id, UUID orderUuid, String domain, String planSlug, String status, String panelUsername,
			Instant createdAt, Instant lastProvisionedAt, String billingPeriod, LocalDate nextDueDate, Long priceCents,
			String currency, ServiceSetupJson setup, PendingActionJson pendingAction, PlanChangeJson planChange) {

		static ServiceJson from(HostingService s, Subscription b, SetupProgress setup, PendingAction pending,
				PlanChange change) {
			return new ServiceJson(s.id(), s.orderUuid(), s.domain(), s.planSlug(), s.status().wire(),
					s.panelUsername(), s.createdAt(), s.lastProvisionedAt(),
					b == null ? null : b.period().name().toLowerCase(Locale.ROOT), b == null ? null : b.nextDueDate(),
					b == null ? null : b.priceMinor(), b == null ? null : b.currency(), ServiceSetupJson.from(setup),
					pending == null ? null : PendingActionJson.from(pending),
					change == null || !change.status().open() ? null : PlanChangeJson.from(change));
		}

	}

	@Operation(summary = "The caller's services with their setup, pending panel action and open plan change")
	@GetMapping
	List<ServiceJson> list(@AuthenticationPrincipal AccountUser me) {
		List<HostingService> mine = services.ofCustomer(me.id());
		Map<Long, Subscription> billed = billing
			.subscriptionsOf(StartSubscription.HOSTING, mine.stream().map(HostingService::id).toList())
			.stream()
			.collect(Collectors.toMap(Subscription::sourceId, b -> b));
		return mine.stream().map(s -> json(s, billed.get(s.id()))).toList();
	}

	@Operation(summary = "One of the caller's services (404 for anybody else's)")
	@GetMapping("/{id}")
	ServiceJson show(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		HostingService s = services.requireOwned(id, me.id());
		return json(s, billing.subscriptionOf(StartSubscription.HOSTING, s.id()).orElse(null));
	}

	/** 302 to a one-time sign-in URL of the control panel. */
	@Operation(summary = "302 to a one-time sign-in URL of the service's control panel")
	@GetMapping("/{id}/sso")
	ResponseEntity<Void> sso(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(services.singleSignOn(id, me.id()))).build();
	}

	/** "Finish setup" for a paid order without a service. */
	@Operation(summary = "Finish setup: creates the hosting account of a paid order that has none (202)")
	@PostMapping("/provision/{orderUuid}")
	ResponseEntity<ServiceJson> provision(@PathVariable UUID orderUuid, @AuthenticationPrincipal AccountUser me) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(services.finishSetup(orderUuid, me.id()), null));
	}

	/** The plan a service should move to. */
	record PlanChangeRequest(String planSlug, Long expectedCents) {
	}

	/**
	 * A plan change: {@code difference_cents} is what the new plan costs more per whole
	 * period (negative for a downgrade); {@code charge_cents} the prorated part for
	 * {@code period_start} to {@code period_end}, invoiced as {@code invoice_id} when
	 * positive, put on the customer's credit once applied when negative.
	 */
	record PlanChangeJson(long id, long serviceId, String status, long fromPlanId, long toPlanId, String panelPackage,
			long differenceCents, long chargeCents, LocalDate periodStart, LocalDate periodEnd, String currency,
			Long invoiceId, int attempts, int retries, String lastError, Instant requestedAt, Instant appliedAt,
			Instant cancelledAt) {

		static PlanChangeJson from(PlanChange c) {
			return new PlanChangeJson(c.id(), c.serviceId(), c.status().wire(), c.fromPlanId(), c.toPlanId(),
					c.toPackage(), c.amountMinor(), c.chargeMinor(), c.periodStart(), c.periodEnd(), c.currency(),
					c.invoiceId(), c.attempts(), c.retries(), c.lastError(), c.requestedAt(), c.appliedAt(),
					c.cancelledAt());
		}

	}

	/**
	 * What a plan change would cost now: {@code charge_cents} (positive: invoiced;
	 * negative: credited once applied) for {@code period_start} to {@code period_end}.
	 */
	record PlanQuoteJson(long serviceId, String fromPlanSlug, String toPlanSlug, String toPlanName, long toPriceCents,
			long differenceCents, long chargeCents, String currency, LocalDate periodStart, LocalDate periodEnd,
			long days, LocalDate nextDueDate) {

		static PlanQuoteJson from(PlanQuote q) {
			return new PlanQuoteJson(q.serviceId(), q.from().slug(), q.to().slug(), q.to().name(), q.to().priceMinor(),
					q.differenceMinor(), q.chargeMinor(), q.currency(), q.periodStart(), q.periodEnd(), q.days(),
					q.nextDueDate());
		}

	}

	@Operation(summary = "What moving the service to the plan would cost now (400 for a plan it cannot move to, "
			+ "409 while a change is open or its next renewal is invoiced and unpaid)")
	@GetMapping("/{id}/plan/quote")
	PlanQuoteJson quote(@PathVariable long id, @RequestParam(name = "plan_slug", required = false) String planSlug,
			@AuthenticationPrincipal AccountUser me) {
		return PlanQuoteJson.from(planChanges.quote(id, me.id(), planSlug));
	}

	/**
	 * "Upgrade plan": 202 with the change; one with something to pay waits for its
	 * invoice. 400 for a plan the service cannot move to, 409 while another change is
	 * open, and when {@code expected_cents} (optional) is not the charge any more.
	 */
	@Operation(summary = "Change the service's plan at the prorated charge (202); an upgrade waits for its invoice")
	@PostMapping("/{id}/plan")
	ResponseEntity<PlanChangeJson> changePlan(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestBody(required = false) PlanChangeRequest body,
			@AuthenticationPrincipal AccountUser me) {
		PlanChange change = planChanges.request(id, me.id(), body == null ? null : body.planSlug(),
				body == null ? null : body.expectedCents());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(PlanChangeJson.from(change));
	}

	@Operation(summary = "Cancel the service's plan change that waits for payment, and its invoice "
			+ "(404 when there is none, 409 once its invoice is paid)")
	@PostMapping("/{id}/plan/cancel")
	PlanChangeJson cancelPlanChange(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		return PlanChangeJson.from(release.cancelByCustomer(id, me.id()));
	}

	/** The service's open plan change, else its last one; 404 when it never had one. */
	@Operation(summary = "The service's open plan change, else its last one (404 when it never had one)")
	@GetMapping("/{id}/plan")
	PlanChangeJson planChange(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		services.requireOwned(id, me.id());
		return planChanges.latestOf(id)
			.map(PlanChangeJson::from)
			.orElseThrow(() -> new org.hostwright.platform.NotFoundException("plan change"));
	}

	private ServiceJson json(HostingService s, Subscription billed) {
		return ServiceJson.from(s, billed, estimates.of(s), services.pendingOf(s.id()).orElse(null),
				planChanges.latestOf(s.id()).orElse(null));
	}

}
