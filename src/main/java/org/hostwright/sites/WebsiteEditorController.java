package org.hostwright.sites;

import java.io.IOException;

import jakarta.validation.Valid;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's website editor: settings (name, logo, colour, theme, contact) and pages in
 * Markdown.
 */
@PageController
@RequestMapping("/admin/websites/{id}")
class WebsiteEditorController {

	private final Websites websites;

	private final AuditLog audit;

	private final SiteImages images;

	WebsiteEditorController(Websites websites, AuditLog audit, SiteImages images) {
		this.websites = websites;
		this.audit = audit;
		this.images = images;
	}

	record SettingsForm(String name, String logoUrl, String primaryColor, String theme, String tagline,
			String contactEmail, String contactPhone, String contactAddress, Long homePageId) {

		static SettingsForm of(Website w) {
			return new SettingsForm(w.name(), w.logoUrl(), w.primaryColor(), w.theme(), w.tagline(), w.contactEmail(),
					w.contactPhone(), w.contactAddress(), w.homePageId());
		}

		WebsiteSettings toSettings() {
			return new WebsiteSettings(name, logoUrl, primaryColor, theme, tagline, contactEmail, contactPhone,
					contactAddress, homePageId);
		}

	}

	record PageForm(String title, String slug, String bodyMarkdown, Integer sortOrder) {

		PageDraft toDraft() {
			return new PageDraft(title, slug, bodyMarkdown, sortOrder == null ? 0 : sortOrder);
		}

	}

	@GetMapping
	String edit(@PathVariable long id, Model model) {
		Website site = websites.require(id);
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", SettingsForm.of(site));
		}
		return editorPage(site, model);
	}

	@PostMapping
	String save(@PathVariable long id, @Valid @ModelAttribute("settings") SettingsForm form, BindingResult errors,
			Model model, RedirectAttributes ra) {
		Website site = websites.require(id);
		try {
			websites.updateSettings(id, form.toSettings());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return editorPage(site, model);
		}
		audit.record("website.settings_updated", "website", id, form.name());
		Flash.success(ra, "sites.editor.saved");
		return "redirect:/admin/websites/" + id;
	}

	@GetMapping("/pages/new")
	String newPage(@PathVariable long id, Model model) {
		model.addAttribute("site", websites.require(id));
		model.addAttribute("form", new PageForm("", "", "", null));
		model.addAttribute("images", images.list(id));
		return "sites/page-form";
	}

	@PostMapping("/pages")
	String createPage(@PathVariable long id, @ModelAttribute("form") PageForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		Website site = websites.require(id);
		try {
			WebsitePage page = websites.addPage(id, form.toDraft());
			audit.record("website.page_created", "website", id, page.slug());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			model.addAttribute("site", site);
			model.addAttribute("images", images.list(id));
			return "sites/page-form";
		}
		Flash.success(ra, "sites.page.saved");
		return "redirect:/admin/websites/" + id;
	}

	@GetMapping("/pages/{pageId}")
	String editPage(@PathVariable long id, @PathVariable long pageId, Model model) {
		WebsitePage page = websites.requirePage(id, pageId);
		model.addAttribute("site", websites.require(id));
		model.addAttribute("page", page);
		model.addAttribute("form", new PageForm(page.title(), page.slug(), page.bodyMarkdown(), page.sortOrder()));
		model.addAttribute("images", images.list(id));
		return "sites/page-form";
	}

	@PostMapping("/pages/{pageId}")
	String updatePage(@PathVariable long id, @PathVariable long pageId, @ModelAttribute("form") PageForm form,
			BindingResult errors, Model model, RedirectAttributes ra) {
		WebsitePage page = websites.requirePage(id, pageId);
		try {
			websites.updatePage(id, pageId, form.toDraft());
			audit.record("website.page_updated", "website", id, page.slug());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			model.addAttribute("site", websites.require(id));
			model.addAttribute("page", page);
			model.addAttribute("images", images.list(id));
			return "sites/page-form";
		}
		Flash.success(ra, "sites.page.saved");
		return "redirect:/admin/websites/" + id;
	}

	@PostMapping("/pages/{pageId}/delete")
	String deletePage(@PathVariable long id, @PathVariable long pageId, RedirectAttributes ra) {
		WebsitePage page = websites.requirePage(id, pageId);
		websites.deletePage(id, pageId);
		audit.record("website.page_deleted", "website", id, page.slug());
		Flash.success(ra, "sites.page.deleted");
		return "redirect:/admin/websites/" + id;
	}

	/** An image for the pages; the editor lists it with the Markdown that shows it. */
	@PostMapping("/images")
	String uploadImage(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes ra) throws IOException {
		Website site = websites.require(id);
		try {
			var image = images.upload(id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			audit.record("website.image_uploaded", "website", id, image.name());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("imageError", ex.fields().get(0));
			model.addAttribute("settings", SettingsForm.of(site));
			return editorPage(site, model);
		}
		Flash.success(ra, "sites.image.uploaded");
		return "redirect:/admin/websites/" + id + "#images";
	}

	@PostMapping("/images/{imageId}/delete")
	String deleteImage(@PathVariable long id, @PathVariable long imageId, RedirectAttributes ra) {
		websites.require(id);
		images.delete(id, imageId);
		audit.record("website.image_deleted", "website", id, String.valueOf(imageId));
		Flash.success(ra, "sites.image.deleted");
		return "redirect:/admin/websites/" + id + "#images";
	}

	private String editorPage(Website site, Model model) {
		model.addAttribute("images", images.list(site.id()));
		model.addAttribute("site", site);
		model.addAttribute("pages", websites.pages(site.id()));
		model.addAttribute("themes", Websites.THEMES);
		model.addAttribute("publicUrl", websites.publicUrl(site));
		return "sites/editor";
	}

}
