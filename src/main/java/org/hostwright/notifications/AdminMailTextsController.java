package org.hostwright.notifications;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hostwright.platform.AuthenticatedUser;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Languages;
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

/**
 * Admins rewrite the texts of every e-mail per language, preview the result with made-up
 * data and go back to the shipped texts.
 */
@PageController
@RequestMapping("/admin/emails")
class AdminMailTextsController {

	private final MailTexts texts;

	AdminMailTextsController(MailTexts texts) {
		this.texts = texts;
	}

	@GetMapping
	String list(Locale locale, Model model) {
		model.addAttribute("entries", texts.entries(locale));
		languages(model);
		return "notifications/mail-texts";
	}

	@GetMapping("/{template}")
	String edit(@PathVariable String template, @RequestParam(defaultValue = "en") String language, Model model) {
		return editor(template, language, Map.of(), null, model);
	}

	/** "Preview" shows the draft without saving it; "Save" keeps it. */
	@PostMapping("/{template}")
	String save(@PathVariable String template, @RequestParam(defaultValue = "en") String language,
			@RequestParam(defaultValue = "save") String action, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal AuthenticatedUser admin, Model model, RedirectAttributes ra) {
		try {
			if ("preview".equals(action)) {
				return editor(template, language, form, null, model);
			}
			texts.save(template, language, form, admin.email());
			Flash.success(ra, "mailtexts.saved");
			return "redirect:/admin/emails/" + template + "?language=" + language;
		}
		catch (InvalidInputException ex) {
			return editor(template, language, form, ex, model);
		}
	}

	@PostMapping("/{template}/reset")
	String reset(@PathVariable String template, @RequestParam(defaultValue = "en") String language,
			RedirectAttributes ra) {
		texts.reset(template, language);
		Flash.success(ra, "mailtexts.reset.done");
		return "redirect:/admin/emails/" + template + "?language=" + language;
	}

	private static void languages(Model model) {
		Map<String, String> names = new LinkedHashMap<>();
		Languages.SUPPORTED.forEach(l -> names.put(l, Languages.nativeName(l)));
		model.addAttribute("languages", Languages.SUPPORTED);
		model.addAttribute("languageNames", names);
	}

	private String editor(String template, String language, Map<String, String> draft, InvalidInputException problems,
			Model model) {
		var list = texts.texts(template, language);
		model.addAttribute("template", template);
		model.addAttribute("language", language);
		languages(model);
		model.addAttribute("texts", list);
		model.addAttribute("draft", draft);
		model.addAttribute("problems", problems == null ? null : problems.fields());
		Optional<MailTemplates.Rendered> preview = problems == null ? texts.preview(template, language, draft)
				: Optional.empty();
		model.addAttribute("preview", preview.orElse(null));
		return "notifications/mail-text-edit";
	}

}
