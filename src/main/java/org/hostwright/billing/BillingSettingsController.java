package org.hostwright.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's billing settings page: the values the environment gave a new installation,
 * changed here (audited).
 */
@PageController
class BillingSettingsController {

	private final SettingsStore settings;

	private final TaxRates taxRates;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	BillingSettingsController(SettingsStore settings, TaxRates taxRates, AuditLog audit, TransactionTemplate tx) {
		this.settings = settings;
		this.taxRates = taxRates;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping("/admin/billing/settings")
	String show(Model model) {
		BillingSettings s = settings.current();
		model.addAttribute("s", s);
		model.addAttribute("rates", rates(taxRates.all()));
		model.addAttribute("o", OverdueForm.of(settings.overdueRules()));
		return "billing/settings";
	}

	@PostMapping("/admin/billing/settings")
	String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes ra) {
		// a form without the overdue section (an older page, a script) keeps the rules
		OverdueForm typed = form.containsKey("overdue_section") ? OverdueForm.of(form)
				: OverdueForm.of(settings.overdueRules());
		try {
			List<FieldProblem> problems = new ArrayList<>();
			BillingSettings s = collect(() -> read(form), problems);
			Map<String, Integer> rates = collect(() -> TaxRates.parse(form.get("tax_rates"), "tax_rates"), problems);
			OverdueRules overdue = collect(typed::toRules, problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			tx.executeWithoutResult(status -> {
				settings.save(s);
				settings.saveOverdue(overdue);
				taxRates.all().keySet().stream().filter(c -> !rates.containsKey(c)).forEach(taxRates::remove);
				rates.forEach(taxRates::put);
			});
			audit.record("billing.settings_changed", "billing_settings", 1,
					s + ", tax rates " + rates(rates) + ", " + overdue);
			Flash.success(ra, "billing.settings.saved");
			return "redirect:/admin/billing/settings";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("s", settings.current());
			model.addAttribute("rates", form.get("tax_rates"));
			model.addAttribute("o", typed);
			model.addAttribute("errors",
					ex.fields()
						.stream()
						.collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
			return "billing/settings";
		}
	}

	private static <T> T collect(java.util.function.Supplier<T> read, List<FieldProblem> problems) {
		try {
			return read.get();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
			return null;
		}
	}

	static BillingSettings read(Map<String, String> form) {
		List<FieldProblem> problems = new ArrayList<>();
		String prefix = text(form, "invoice_prefix", 20);
		if (prefix == null || !prefix.matches("[A-Za-z0-9/_-]{1,20}")) {
			problems.add(new FieldProblem("invoice_prefix", "billing.prefix.invalid",
					"The prefix is 1 to 20 letters, digits, - / or _."));
		}
		int lead = -1;
		try {
			lead = Integer.parseInt(form.getOrDefault("renewal_lead_days", "").strip());
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (lead < 0 || lead > 365) {
			problems
				.add(new FieldProblem("renewal_lead_days", "billing.leadDays.invalid", "Days before due: 0 to 365."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new BillingSettings(prefix, lead, "true".equals(form.get("prices_include_tax")),
				"true".equals(form.get("apply_credit")), "true".equals(form.get("merge_same_day")),
				text(form, "bank_transfer_text", 2000), text(form, "business_name", 200),
				text(form, "business_address", 1000), text(form, "business_tax_id", 60), text(form, "logo_url", 500));
	}

	private static String text(Map<String, String> form, String name, int max) {
		String v = form.get(name);
		if (v == null || v.isBlank()) {
			return null;
		}
		v = v.strip();
		return v.length() > max ? v.substring(0, max) : v;
	}

	private static String rates(Map<String, Integer> rates) {
		return rates.entrySet()
			.stream()
			.map(e -> e.getKey() + ":" + TaxRule.percent(e.getValue()))
			.collect(Collectors.joining(","));
	}

}
