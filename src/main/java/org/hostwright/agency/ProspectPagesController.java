package org.hostwright.agency;

import java.util.Arrays;
import java.util.List;

import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;
import org.hostwright.platform.web.Pager;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Prospects in the admin: search, create (from a domain or as a lead), edit, delete. */
@PageController
@RequestMapping("/admin/prospects")
class ProspectPagesController {

	private final Prospects prospects;

	ProspectPagesController(Prospects prospects) {
		this.prospects = prospects;
	}

	record ProspectForm(String domain, String businessName, String contactName, String contactEmail,
			String contactPhone, String notes, String score, String reasons, String status) {

		static ProspectForm of(Prospect p) {
			return new ProspectForm(p.domain(), p.businessName(), p.contactName(), p.contactEmail(), p.contactPhone(),
					p.notes(), String.valueOf(p.score()), String.join("\n", p.scoreReasons()), p.status().wire());
		}

		ProspectInput toInput() {
			List<String> lines = reasons == null ? List.of() : Arrays.stream(reasons.split("\\R")).toList();
			return new ProspectInput(domain, businessName, contactName, contactEmail, contactPhone, notes, scoreValue(),
					lines, status);
		}

		/**
		 * The score is read here rather than bound as a number: a value that does not
		 * bind would leave the whole form unbound, and the page could not show it again
		 * with its error.
		 */
		private Integer scoreValue() {
			if (score == null || score.isBlank()) {
				return null;
			}
			String s = score.strip();
			if (!s.matches("[0-9]{1,3}") || Integer.parseInt(s) > 100) {
				throw new InvalidInputException("score", "agency.prospect.score.range",
						"The score is between 0 and 100.");
			}
			return Integer.valueOf(s);
		}

	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		int p = Math.max(1, page);
		var result = prospects.search(status, q, p, AgencyPagesController.PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("pager",
				Pager.counted(p, AgencyPagesController.PAGE_SIZE, result.items().size(), result.total()));
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("page", p);
		model.addAttribute("size", AgencyPagesController.PAGE_SIZE);
		return "agency/prospects";
	}

	@GetMapping("/new")
	String newProspect(Model model) {
		model.addAttribute("form", new ProspectForm("", "", "", "", "", "", null, "", "new"));
		return "agency/prospect-form";
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") ProspectForm form, BindingResult errors, RedirectAttributes ra) {
		try {
			Prospect p = prospects.create(form.toInput());
			Flash.success(ra, "agency.prospect.saved");
			return "redirect:/admin/prospects/" + p.id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
		}
		catch (ConflictException ex) {
			errors.rejectValue("domain", ex.code(), ex.args(), ex.getMessage());
		}
		return "agency/prospect-form";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Prospect p = prospects.require(id);
		model.addAttribute("prospect", p);
		model.addAttribute("form", ProspectForm.of(p));
		return "agency/prospect-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ProspectForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		Prospect p = prospects.require(id);
		try {
			prospects.update(id, form.toInput());
			Flash.success(ra, "agency.prospect.saved");
			return "redirect:/admin/prospects/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
		}
		catch (ConflictException ex) {
			errors.rejectValue("domain", ex.code(), ex.args(), ex.getMessage());
		}
		model.addAttribute("prospect", p);
		return "agency/prospect-form";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes ra) {
		prospects.delete(id);
		Flash.success(ra, "agency.prospect.deleted");
		return "redirect:/admin/prospects";
	}

}
