package org.hostwright.agency;

import java.math.BigDecimal;
import java.util.List;

import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The site detail page's buttons: lifecycle actions and the services tab. */
@PageController
@RequestMapping("/admin/hosting/sites/{id}")
class SiteActionsController {

	private final HostedSitePipeline pipeline;

	private final HostedSites sites;

	private final ClientServices services;

	private final HostedSitePagesController pages;

	SiteActionsController(HostedSitePipeline pipeline, HostedSites sites, ClientServices services,
			HostedSitePagesController pages) {
		this.pipeline = pipeline;
		this.sites = sites;
		this.services = services;
		this.pages = pages;
	}

	/**
	 * The services tab's form; the price is typed in major units (15.00), stored in
	 * cents.
	 */
	record ServiceForm(String serviceType, String name, String status, String billingPeriod, String price,
			String currency, String domainName, String registrar, Integer mailboxCount, String expiresAt,
			Boolean autoRenew, String notes) {

		static ServiceForm empty() {
			return new ServiceForm("domain", "", "active", "annual", "", "EUR", "", "", null, "", false, "");
		}

		ServiceInput toInput() {
			Long cents = null;
			if (price != null && !price.isBlank()) {
				try {
					cents = new BigDecimal(price.trim().replace(',', '.')).movePointRight(2).longValueExact();
				}
				catch (ArithmeticException | NumberFormatException ex) {
					throw new InvalidInputException(List
						.of(new FieldProblem("price", "agency.service.priceFormat", "Enter an amount such as 15.00.")));
				}
			}
			return new ServiceInput(serviceType, name, status, billingPeriod, cents, currency, null, domainName,
					registrar, mailboxCount, expiresAt, null, null, autoRenew, notes);
		}

	}

	@PostMapping("/action/{action}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String notes,
			@RequestParam(required = false) Long merchantId, @RequestParam(required = false) String domain, Model model,
			RedirectAttributes ra) {
		try {
			switch (action) {
				case "mark-poc-ready" -> pipeline.markPocReady(id);
				case "send-proposal" -> pipeline.sendProposal(id, notes);
				case "accept" -> {
					var accepted = pipeline.accept(id, merchantId);
					if (accepted.temporaryPassword() != null) {
						// redirect-after-post: the password rides in a flash attribute,
						// so the page that
						// follows shows it once and a reload neither shows it again nor
						// accepts twice
						ra.addFlashAttribute("temporaryPassword", accepted.temporaryPassword());
						Flash.success(ra, "agency.site.accepted.created");
						return "redirect:/admin/hosting/sites/" + id;
					}
				}
				case "go-live" -> pipeline.goLive(id, domain);
				case "suspend" -> pipeline.suspend(id);
				case "reactivate" -> pipeline.reactivate(id);
				case "cancel" -> pipeline.cancel(id);
				default -> throw new NotFoundException("action");
			}
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code(), ex.args());
			return "redirect:/admin/hosting/sites/" + id;
		}
		catch (InvalidInputException ex) {
			InvalidInputException.FieldProblem first = ex.fields().get(0);
			Flash.error(ra, first.code(), first.args());
			return "redirect:/admin/hosting/sites/" + id;
		}
		Flash.success(ra, "agency.action.done." + action);
		return "redirect:/admin/hosting/sites/" + id;
	}

	@PostMapping("/services")
	String addService(@PathVariable long id, @ModelAttribute("serviceForm") ServiceForm form, BindingResult errors,
			Model model, RedirectAttributes ra) {
		HostedSite site = sites.require(id);
		try {
			services.create(id, form.toInput());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			model.addAttribute("openServices", true);
			return pages.detailPage(site, withForm(model, site));
		}
		Flash.success(ra, "agency.service.created");
		return "redirect:/admin/hosting/sites/" + id + "#services";
	}

	@PostMapping("/services/{serviceId}/renew")
	String renew(@PathVariable long id, @PathVariable long serviceId, @RequestParam(defaultValue = "site") String back,
			RedirectAttributes ra) {
		try {
			var renewed = services.renew(id, serviceId);
			Flash.success(ra, "agency.service.renewed", renewed.name());
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code(), ex.args());
		}
		return "clients".equals(back) ? "redirect:/admin/hosting/clients"
				: "redirect:/admin/hosting/sites/" + id + "#services";
	}

	@PostMapping("/services/{serviceId}/delete")
	String deleteService(@PathVariable long id, @PathVariable long serviceId, RedirectAttributes ra) {
		services.delete(id, serviceId);
		Flash.success(ra, "agency.service.deleted");
		return "redirect:/admin/hosting/sites/" + id + "#services";
	}

	private static Model withForm(Model model, HostedSite site) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", HostedSitePagesController.SiteForm.of(site));
		}
		return model;
	}

}
