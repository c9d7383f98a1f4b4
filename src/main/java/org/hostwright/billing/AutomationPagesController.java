package org.hostwright.billing;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hostwright.accounts.Accounts;
import org.hostwright.audit.AuditLog;
import org.hostwright.catalog.Catalog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's view of the billing automation: what the next run (or a run on a chosen
 * date) will do, step by step, from the run's own code; "run now"; and the log of past
 * runs, a page at a time.
 */
@PageController
class AutomationPagesController {

	static final int SHOWN = 50;

	static final int RUNS_PER_PAGE = 20;

	private final BillingRun run;

	private final RunLog log;

	private final SettingsStore settings;

	private final AuditLog audit;

	private final Accounts accounts;

	private final OverdueScopes scopes;

	private final Catalog catalog;

	AutomationPagesController(BillingRun run, RunLog log, SettingsStore settings, AuditLog audit, Accounts accounts,
			OverdueScopes scopes, Catalog catalog) {
		this.run = run;
		this.log = log;
		this.settings = settings;
		this.audit = audit;
		this.accounts = accounts;
		this.scopes = scopes;
		this.catalog = catalog;
	}

	/** A plan whose own days differ from the settings, as the run applies them. */
	record PlanRules(long planId, String planName, OverdueRules rules) {
	}

	@GetMapping("/admin/billing/automation")
	String show(@RequestParam(required = false) String date, @RequestParam(defaultValue = "0") String page,
			Model model) {
		LocalDate on = run.nextRunDate();
		if (date != null && !date.isBlank()) {
			try {
				on = AdminInvoiceForms.date("date", date);
			}
			catch (InvalidInputException ex) {
				model.addAttribute("dateError", ex.fields().get(0).message());
			}
		}
		int p = 0;
		try {
			p = Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000_000));
		}
		catch (NumberFormatException ex) {
			// the first page
		}
		Map<String, List<?>> plan = run.preview(on, SHOWN + 1);
		model.addAttribute("date", on);
		model.addAttribute("typedDate", date == null ? on.toString() : date);
		model.addAttribute("nextRun", run.nextRunDate());
		model.addAttribute("rules", settings.overdueRules());
		model.addAttribute("plan", plan);
		// the customers' names for every row shown, in one query
		model.addAttribute("customers", accounts.namesOf(customersOf(plan)));
		model.addAttribute("planRules", planRules());
		model.addAttribute("shown", SHOWN);
		List<RunLog.Run> runs = log.page(p * RUNS_PER_PAGE, RUNS_PER_PAGE + 1);
		model.addAttribute("runs", runs.subList(0, Math.min(runs.size(), RUNS_PER_PAGE)));
		model.addAttribute("page", p);
		model.addAttribute("hasNext", runs.size() > RUNS_PER_PAGE);
		return "billing/automation";
	}

	private static Set<Long> customersOf(Map<String, List<?>> plan) {
		Set<Long> ids = new HashSet<>();
		for (List<?> items : plan.values()) {
			for (Object item : items.subList(0, Math.min(items.size(), SHOWN))) {
				if (item instanceof OverdueItem o) {
					ids.add(o.customerId());
				}
				else if (item instanceof RenewalStep.Due d) {
					ids.add(d.customerId());
				}
			}
		}
		return ids;
	}

	private List<PlanRules> planRules() {
		Map<Long, OverdueRules> byPlan = scopes.byPlan();
		if (byPlan.isEmpty()) {
			return List.of();
		}
		return catalog.allPlans()
			.stream()
			.filter(p -> byPlan.containsKey(p.id()))
			.map(p -> new PlanRules(p.id(), p.name(), byPlan.get(p.id())))
			.toList();
	}

	@PostMapping("/admin/billing/automation/run")
	String runNow(RedirectAttributes ra) {
		LocalDate today = run.today();
		BillingRun.Report report = run.run(today);
		audit.record("billing.run", "billing_run", report.runId(), today + " " + report.steps());
		Flash.success(ra, "overdue.automation.ran", report.steps().values().stream().mapToInt(Integer::intValue).sum(),
				report.failures().size());
		return "redirect:/admin/billing/automation";
	}

}
