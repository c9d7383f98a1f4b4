package org.hostwright.catalog;

import jakarta.servlet.http.HttpServletRequest;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page (the top four active plans) and the full list of plans. */
@PageController
class StorefrontController {

	private final Catalog catalog;

	StorefrontController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model, HttpServletRequest request) {
		PublicPageCache.markPublic(request);
		model.addAttribute("plans", catalog.activePlans(4));
		return "catalog/home";
	}

	@GetMapping("/plans")
	String plans(Model model, HttpServletRequest request) {
		PublicPageCache.markPublic(request);
		model.addAttribute("plans", catalog.activePlans(0));
		return "catalog/plans";
	}

}
