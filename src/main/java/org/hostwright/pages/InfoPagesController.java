package org.hostwright.pages;

import java.util.Locale;

import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages the footer links to. */
@PageController
class InfoPagesController {

	private final InfoPages pages;

	InfoPagesController(InfoPages pages) {
		this.pages = pages;
	}

	@GetMapping({ "/{slug:terms|privacy|contact}" })
	String show(@PathVariable String slug, Locale locale, Model model) {
		InfoPage page = pages.page(InfoPageKind.fromSlug(slug).orElseThrow(() -> new NotFoundException("page")),
				locale);
		model.addAttribute("page", page);
		model.addAttribute("html", pages.html(page));
		return "pages/show";
	}

}
