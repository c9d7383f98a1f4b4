package org.hostwright.catalog;

import java.util.List;

import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin plan pages: cards with their figures, create, edit, activate/deactivate, delete.
 */
@PageController
@RequestMapping("/admin/plans")
class AdminPlansController {

	private final Catalog catalog;

	private final PlanEditor editor;

	private final PlatformProperties platform;

	AdminPlansController(Catalog catalog, PlanEditor editor, PlatformProperties platform) {
		this.catalog = catalog;
		this.editor = editor;
		this.platform = platform;
	}

	record PlanCard(Plan plan, PlanFigures figures) {
	}

	@GetMapping
	String list(Model model) {
		List<Plan> plans = catalog.allPlans();
		var figures = catalog.figures(plans.stream().map(Plan::id).toList());
		model.addAttribute("cards",
				plans.stream().map(p -> new PlanCard(p, figures.getOrDefault(p.id(), PlanFigures.NONE))).toList());
		return "catalog/admin-plans";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", PlanForm.empty(platform.defaultCurrency(), editor.defaultPanelPackage()));
		return "catalog/plan-form";
	}

	@PostMapping
	String create(@ModelAttribute("form") PlanForm form, BindingResult errors, RedirectAttributes ra) {
		try {
			Plan plan = editor.create(form.draft());
			Flash.success(ra, "catalog.admin.created", plan.name());
			return "redirect:/admin/plans";
		}
		catch (InvalidInputException ex) {
			apply(ex, errors);
			return "catalog/plan-form";
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Plan plan = catalog.find(id).orElseThrow(() -> new NotFoundException("plan"));
		model.addAttribute("plan", plan);
		model.addAttribute("form", PlanForm.of(plan));
		return "catalog/plan-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") PlanForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		Plan plan = catalog.find(id).orElseThrow(() -> new NotFoundException("plan"));
		try {
			editor.update(id, form.draft());
			Flash.success(ra, "catalog.admin.updated", form.name());
			return "redirect:/admin/plans";
		}
		catch (InvalidInputException ex) {
			apply(ex, errors);
			model.addAttribute("plan", plan);
			return "catalog/plan-form";
		}
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes ra) {
		Plan plan = editor.setActive(id, active);
		Flash.success(ra, active ? "catalog.admin.activated" : "catalog.admin.deactivated", plan.name());
		return "redirect:/admin/plans";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes ra) {
		Plan plan = catalog.find(id).orElseThrow(() -> new NotFoundException("plan"));
		try {
			editor.delete(id);
			Flash.success(ra, "catalog.admin.deleted", plan.name());
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code(), ex.args());
		}
		return "redirect:/admin/plans";
	}

	/** The form names the price "price" (major units) where the API says price_cents. */
	private static void apply(InvalidInputException ex, BindingResult errors) {
		for (var p : ex.fields()) {
			String field = "priceCents".equals(p.field()) ? "price" : p.field();
			errors.rejectValue(field, p.code(), p.message());
		}
	}

}
