package org.hostwright.provisioning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

import org.hostwright.accounts.Accounts;
import org.hostwright.billing.Billing;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin service details with the step log, and the actions (each a job, each audited).
 */
@PageController
@RequestMapping("/admin/services/{id}")
class AdminServicesController {

	private final HostingServices services;

	private final PanelServers servers;

	private final Accounts accounts;

	private final PlanChanges planChanges;

	private final PlanChangeRelease release;

	private final Billing billing;

	AdminServicesController(HostingServices services, PanelServers servers, Accounts accounts, PlanChanges planChanges,
			PlanChangeRelease release, Billing billing) {
		this.billing = billing;
		this.planChanges = planChanges;
		this.release = release;
		this.services = services;
		this.servers = servers;
		this.accounts = accounts;
	}

	@GetMapping
	String show(@PathVariable long id, Model model) {
		HostingService s = services.require(id);
		model.addAttribute("service", s);
		model.addAttribute("pending", services.pendingOf(s.id()).orElse(null));
		model.addAttribute("customer", accounts.find(s.customerId()).orElse(null));
		model.addAttribute("server", s.panelServerId() == null ? null : servers.find(s.panelServerId()).orElse(null));
		model.addAttribute("logs", services.logs(id));
		List<PlanChange> changes = planChanges.historyOf(id);
		model.addAttribute("planChanges", changes);
		// the invoices' numbers, as everywhere else in the console (a service has few
		// changes)
		Map<Long, String> numbers = new HashMap<>();
		changes.stream()
			.map(PlanChange::invoiceId)
			.filter(Objects::nonNull)
			.forEach(invoice -> numbers.put(invoice, billing.require(invoice).number()));
		model.addAttribute("invoiceNumbers", numbers);
		return "provisioning/admin-service";
	}

	/** Reveals the credentials (audited); htmx swaps in just the card. */
	@PostMapping("/credentials")
	String credentials(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes ra) {
		try {
			model.addAttribute("credentials", services.revealCredentials(id));
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			return "redirect:/admin/services/" + id;
		}
		if (htmx != null) {
			return "provisioning/admin-service :: credentials";
		}
		return show(id, model);
	}

	@GetMapping("/panel")
	String panel(@PathVariable long id, RedirectAttributes ra) {
		try {
			return "redirect:" + services.adminSingleSignOn(id);
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			return "redirect:/admin/services/" + id;
		}
	}

	@PostMapping("/reprovision")
	String reprovision(@PathVariable long id, RedirectAttributes ra) {
		return act(id, services::reprovision, "services.admin.reprovision.done", ra);
	}

	/** The reason, when given, is e-mailed to the customer once the panel has done it. */
	@PostMapping("/suspend")
	String suspend(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes ra) {
		return act(id, s -> services.suspend(s, reason), "services.admin.suspend.done", ra);
	}

	@PostMapping("/activate")
	String activate(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes ra) {
		return act(id, s -> services.activate(s, reason), "services.admin.activate.done", ra);
	}

	@PostMapping("/terminate")
	String terminate(@PathVariable long id, RedirectAttributes ra) {
		return act(id, services::terminate, "services.admin.terminate.done", ra);
	}

	@PostMapping("/email-credentials")
	String emailCredentials(@PathVariable long id, RedirectAttributes ra) {
		return act(id, services::emailCredentials, "services.admin.email.done", ra);
	}

	/**
	 * Applies a failed plan change again through its job (audited); a second click finds
	 * it applying and is refused.
	 */
	@PostMapping("/plan-changes/{changeId}/retry")
	String retryPlanChange(@PathVariable long id, @PathVariable long changeId, RedirectAttributes ra) {
		return act(id, s -> release.retry(s, changeId), "services.admin.planChange.retried", ra);
	}

	/**
	 * Cancels a plan change waiting for payment (its invoice cancelled) or failed (a paid
	 * invoice refunded to credit); audited.
	 */
	@PostMapping("/plan-changes/{changeId}/cancel")
	String cancelPlanChange(@PathVariable long id, @PathVariable long changeId, RedirectAttributes ra) {
		return act(id, s -> release.cancelByAdmin(s, changeId), "services.admin.planChange.cancelled", ra);
	}

	private static String act(long id, LongConsumer action, String done, RedirectAttributes ra) {
		try {
			action.accept(id);
			Flash.success(ra, done);
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
		}
		return "redirect:/admin/services/" + id;
	}

}
