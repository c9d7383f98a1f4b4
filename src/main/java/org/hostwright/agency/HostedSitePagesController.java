package org.hostwright.agency;

import java.util.List;

import org.hostwright.accounts.Accounts;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;
import org.hostwright.platform.web.Pager;
import org.hostwright.sites.Websites;

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
 * Hosted sites in the admin: list, new, detail (with lifecycle, services and website
 * tabs), edit, delete.
 */
@PageController
@RequestMapping("/admin/hosting/sites")
class HostedSitePagesController {

	private final HostedSites sites;

	private final ClientServices services;

	private final Subscriptions subscriptions;

	private final Websites websites;

	private final Accounts accounts;

	HostedSitePagesController(HostedSites sites, ClientServices services, Subscriptions subscriptions,
			Websites websites, Accounts accounts) {
		this.accounts = accounts;
		this.sites = sites;
		this.services = services;
		this.subscriptions = subscriptions;
		this.websites = websites;
	}

	record SiteForm(String businessName, String contactName, String contactEmail, String contactPhone,
			String internalNotes) {

		static SiteForm of(HostedSite s) {
			return new SiteForm(s.businessName(), s.contactName(), s.contactEmail(), s.contactPhone(),
					s.internalNotes());
		}

		SiteInput toInput() {
			return new SiteInput(businessName, contactName, contactEmail, contactPhone, internalNotes, null);
		}

	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		int p = Math.max(1, page);
		var result = sites.search(status, q, p, AgencyPagesController.PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("pager",
				Pager.counted(p, AgencyPagesController.PAGE_SIZE, result.items().size(), result.total()));
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("page", p);
		model.addAttribute("size", AgencyPagesController.PAGE_SIZE);
		return "agency/sites";
	}

	@GetMapping("/new")
	String newSite(Model model) {
		model.addAttribute("form", new SiteForm("", "", "", "", ""));
		return "agency/site-new";
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") SiteForm form, BindingResult errors, RedirectAttributes ra) {
		try {
			HostedSite site = sites.create(form.toInput());
			Flash.success(ra, "agency.site.createdOn", site.subdomain());
			return "redirect:/admin/hosting/sites/" + site.id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return "agency/site-new";
		}
	}

	@PostMapping("/from-prospect/{prospectId}")
	String fromProspect(@PathVariable long prospectId, RedirectAttributes ra) {
		try {
			HostedSite site = sites.createFromProspect(prospectId);
			Flash.success(ra, "agency.site.createdOn", site.subdomain());
			return "redirect:/admin/hosting/sites/" + site.id();
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code(), ex.args());
			return "redirect:/admin/prospects/" + prospectId;
		}
	}

	@GetMapping("/by-store/{storeId}")
	String byStore(@PathVariable long storeId) {
		return "redirect:/admin/hosting/sites/" + sites.requireByStore(storeId).id();
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) String customerQ, Model model) {
		HostedSite site = sites.require(id);
		model.addAttribute("customerQ", customerQ);
		model.addAttribute("customers", accounts.searchCustomers(customerQ));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SiteForm.of(site));
		}
		return detailPage(site, model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") SiteForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		HostedSite site = sites.require(id);
		try {
			sites.update(id, form.toInput());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return detailPage(site, model);
		}
		Flash.success(ra, "agency.site.saved");
		return "redirect:/admin/hosting/sites/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes ra) {
		try {
			sites.delete(id);
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code(), ex.args());
			return "redirect:/admin/hosting/sites/" + id;
		}
		Flash.success(ra, "agency.site.deleted");
		return "redirect:/admin/hosting/sites";
	}

	/**
	 * The accept step's customer picker (htmx swaps it in as the admin types an e-mail or
	 * a name).
	 */
	@GetMapping("/{id}/customers")
	String customers(@PathVariable long id, @RequestParam(required = false) String customerQ, Model model) {
		model.addAttribute("site", sites.require(id));
		model.addAttribute("customerQ", customerQ);
		model.addAttribute("customers", accounts.searchCustomers(customerQ));
		return "agency/customer-matches :: matches";
	}

	String detailPage(HostedSite site, Model model) {
		if (!model.containsAttribute("customers")) {
			model.addAttribute("customers", List.of());
		}
		model.addAttribute("merchant",
				site.merchantId() == null ? null : accounts.find(site.merchantId()).orElse(null));
		model.addAttribute("site", site);
		model.addAttribute("view", sites.view(site));
		model.addAttribute("services", services.forSite(site.id()));
		model.addAttribute("subscription", subscriptions.forSite(site.id()).orElse(null));
		model.addAttribute("website", websites.require(site.storeId()));
		model.addAttribute("pageCount", websites.pages(site.storeId()).size());
		if (!model.containsAttribute("serviceForm")) {
			model.addAttribute("serviceForm", SiteActionsController.ServiceForm.empty());
		}
		return "agency/site-detail";
	}

}
