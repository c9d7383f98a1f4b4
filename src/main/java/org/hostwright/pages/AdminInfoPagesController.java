package org.hostwright.pages;

import java.util.Arrays;
import java.util.Locale;

import org.hostwright.platform.AuthenticatedUser;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins write the information pages in Markdown, or reset one to its default text. */
@PageController
@RequestMapping("/admin/pages")
class AdminInfoPagesController {

	private final InfoPages pages;

	AdminInfoPagesController(InfoPages pages) {
		this.pages = pages;
	}

	@GetMapping
	String list(Locale locale, Model model) {
		model.addAttribute("pages", Arrays.stream(InfoPageKind.values()).map(k -> pages.page(k, locale)).toList());
		return "pages/admin-list";
	}

	@GetMapping("/{slug}")
	String edit(@PathVariable String slug, Locale locale, Model model) {
		InfoPage page = pages.page(kind(slug), locale);
		model.addAttribute("page", page);
		model.addAttribute("title", page.title());
		model.addAttribute("body", page.body());
		return "pages/admin-edit";
	}

	@PostMapping("/{slug}")
	String save(@PathVariable String slug, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String body, @AuthenticationPrincipal AuthenticatedUser admin,
			Locale locale, Model model, RedirectAttributes ra) {
		InfoPageKind kind = kind(slug);
		try {
			pages.save(kind, title, body, admin.email());
			Flash.success(ra, "pages.saved");
			return "redirect:/admin/pages";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("page", pages.page(kind, locale));
			model.addAttribute("title", title);
			model.addAttribute("body", body);
			model.addAttribute("problems", ex.fields());
			return "pages/admin-edit";
		}
	}

	@PostMapping("/{slug}/reset")
	String reset(@PathVariable String slug, RedirectAttributes ra) {
		pages.reset(kind(slug));
		Flash.success(ra, "pages.reset.done");
		return "redirect:/admin/pages";
	}

	private static InfoPageKind kind(String slug) {
		return InfoPageKind.fromSlug(slug).orElseThrow(() -> new NotFoundException("page"));
	}

}
