package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hostwright.accounts.AccountUser;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's hosting: list, details with status polling, finish setup, control panel,
 * credentials link.
 */
@PageController
class CustomerServicesController {

	private final HostingServices services;

	private final Clock clock;

	private final org.hostwright.billing.Billing billing;

	private final PlanChanges planChanges;

	private final PlanChangeRelease release;

	CustomerServicesController(HostingServices services, Clock clock, org.hostwright.billing.Billing billing,
			PlanChanges planChanges, PlanChangeRelease release) {
		this.release = release;
		this.planChanges = planChanges;
		this.billing = billing;
		this.services = services;
		this.clock = clock;
	}

	@GetMapping("/me/services")
	String list(@AuthenticationPrincipal AccountUser me, Model model) {
		section(me, model);
		model.addAttribute("dues", billing.duesOf(me.id()));
		return "provisioning/services";
	}

	/**
	 * The list with the paid orders still waiting for a service; polled every 3 s while
	 * anything is in progress (the service of a just-paid order appears a moment after
	 * the payment commits).
	 */
	@GetMapping("/me/services/section")
	String section(@AuthenticationPrincipal AccountUser me, Model model) {
		List<HostingService> mine = services.ofCustomer(me.id());
		List<OrderView> awaiting = services.awaitingSetup(me.id());
		model.addAttribute("services", mine);
		model.addAttribute("awaiting", awaiting);
		model.addAttribute("startingSince", Instant.now(clock).minus(Duration.ofMinutes(2)));
		model.addAttribute("sectionPolls", !awaiting.isEmpty() || mine.stream().anyMatch(s -> s.status().inProgress()));
		return "provisioning/fragments :: section";
	}

	@GetMapping("/me/services/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal AccountUser me, Model model) {
		HostingService service = services.requireOwned(id, me.id());
		model.addAttribute("service", service);
		model.addAttribute("pending", services.pendingOf(id).orElse(null));
		model.addAttribute("planChange", planChanges.latestOf(id).orElse(null));
		model.addAttribute("planChoices", planChanges.choicesFor(service));
		return "provisioning/service";
	}

	/**
	 * "Upgrade plan", step 1: what the change costs (the prorated difference, or the
	 * credit of a cheaper plan), to confirm. A refused choice is shown on the service
	 * page next to the list, still selected.
	 */
	@GetMapping("/me/services/{id}/plan")
	String confirmPlan(@PathVariable long id, @RequestParam(name = "plan_slug", required = false) String planSlug,
			@AuthenticationPrincipal AccountUser me, Model model, RedirectAttributes ra) {
		try {
			PlanQuote quote = planChanges.quote(id, me.id(), planSlug);
			model.addAttribute("service", services.requireOwned(id, me.id()));
			model.addAttribute("quote", quote);
			return "provisioning/plan-confirm";
		}
		catch (InvalidInputException ex) {
			return refused(id, planSlug, ex, me, model);
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			return "redirect:/me/services/" + id;
		}
	}

	/**
	 * "Upgrade plan", step 2: the change at the charge confirmed (refused, and shown
	 * again, when it is not that any more); then the service page, so a reload never
	 * resubmits.
	 */
	@PostMapping("/me/services/{id}/plan")
	String changePlan(@PathVariable long id, @RequestParam(name = "plan_slug", required = false) String planSlug,
			@RequestParam(name = "expected_cents", required = false) Long expectedCents,
			@AuthenticationPrincipal AccountUser me, Model model, RedirectAttributes ra) {
		try {
			PlanChange change = planChanges.request(id, me.id(), planSlug, expectedCents);
			Flash.success(ra, change.invoiced() ? "services.plan.invoiced" : "services.plan.applying");
			return "redirect:/me/services/" + id;
		}
		catch (InvalidInputException ex) {
			return refused(id, planSlug, ex, me, model);
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			if ("services.plan.quoteChanged".equals(ex.code())) {
				ra.addAttribute("plan_slug", planSlug);
				return "redirect:/me/services/" + id + "/plan";
			}
			return "redirect:/me/services/" + id;
		}
	}

	/** The customer cancels the change waiting for payment, and its invoice. */
	@PostMapping("/me/services/{id}/plan/cancel")
	String cancelPlanChange(@PathVariable long id, @AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		try {
			release.cancelByCustomer(id, me.id());
			Flash.success(ra, "services.plan.cancelled");
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
		}
		return "redirect:/me/services/" + id;
	}

	private String refused(long id, String planSlug, InvalidInputException ex, AccountUser me, Model model) {
		model.addAttribute("planError", ex.fields().get(0).code());
		model.addAttribute("planSelected", planSlug);
		return show(id, me, model);
	}

	/** The card of one service, polled by htmx every 3 s while it is being set up. */
	@GetMapping("/me/services/{id}/card")
	String card(@PathVariable long id, @AuthenticationPrincipal AccountUser me, Model model) {
		model.addAttribute("s", services.requireOwned(id, me.id()));
		return "provisioning/fragments :: card";
	}

	@PostMapping("/me/services/provision/{orderUuid}")
	String finishSetup(@PathVariable UUID orderUuid, @AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		try {
			HostingService s = services.finishSetup(orderUuid, me.id());
			Flash.success(ra, "services.setup.started");
			return "redirect:/me/services/" + s.id();
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			return "redirect:/me/services";
		}
	}

	@GetMapping("/me/services/{id}/panel")
	String panel(@PathVariable long id, @AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		try {
			return "redirect:" + services.singleSignOn(id, me.id());
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			return "redirect:/me/services/" + id;
		}
	}

	/**
	 * The seed's "/me/panel": the given service's control panel, or the first active one.
	 */
	@GetMapping("/me/panel")
	String latestPanel(@RequestParam(required = false) Long service, @AuthenticationPrincipal AccountUser me,
			RedirectAttributes ra) {
		if (service != null) {
			return panel(service, me, ra);
		}
		return services.ofCustomer(me.id())
			.stream()
			.filter(s -> s.status() == ServiceStatus.ACTIVE)
			.findFirst()
			.map(s -> panel(s.id(), me, ra))
			.orElseGet(() -> {
				Flash.info(ra, "services.panel.none");
				return "redirect:/me/services";
			});
	}

	@GetMapping("/me/services/{id}/credentials")
	String credentials(@PathVariable long id, @RequestParam(required = false) String token,
			@AuthenticationPrincipal AccountUser me, Model model) {
		model.addAttribute("service", services.requireOwned(id, me.id()));
		model.addAttribute("credentials", services.redeemCredentialsLink(id, me.id(), token).orElse(null));
		return "provisioning/credentials";
	}

}
