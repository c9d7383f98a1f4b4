package org.hostwright.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Password reset by e-mail: the same answer whether or not the address has an account;
 * the link is single-use and expires after 30 minutes.
 */
@PageController
class PasswordResetController {

	private final Accounts accounts;

	private final SignInThrottle throttle;

	private final PasswordResetRequests requests;

	PasswordResetController(Accounts accounts, SignInThrottle throttle, PasswordResetRequests requests) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.requests = requests;
	}

	record ForgotForm(@NotBlank String email) {
	}

	record ResetForm(@NotBlank String token, @NotBlank String password, @NotBlank String confirm) {
	}

	@GetMapping("/password/forgot")
	String forgot(Model model) {
		model.addAttribute("form", new ForgotForm(""));
		return "accounts/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("form") ForgotForm form, BindingResult errors,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes ra) {
		if (errors.hasErrors()) {
			return "accounts/forgot";
		}
		// reset requests share the sign-in budget, so the form cannot be used to flood a
		// mailbox
		var blocked = throttle.resetRequested(form.email(), request.getRemoteAddr());
		if (blocked.isPresent()) {
			throw new org.hostwright.platform.TooManyRequestsException(blocked.get());
		}
		// no lookup here: the job does it, so the answer takes as long for an unknown
		// address
		requests.enqueue(form.email(), LocaleContextHolder.getLocale());
		Flash.info(ra, "accounts.reset.sent");
		return "redirect:/login";
	}

	@GetMapping("/password/reset")
	String reset(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("valid", accounts.resetTokenValid(token));
		model.addAttribute("form", new ResetForm(token == null ? "" : token, "", ""));
		return "accounts/reset";
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		model.addAttribute("valid", true);
		if (!errors.hasErrors() && !form.password().equals(form.confirm())) {
			errors.rejectValue("confirm", "accounts.password.mismatch", "The two passwords differ.");
		}
		if (errors.hasErrors()) {
			return "accounts/reset";
		}
		try {
			if (!accounts.resetPassword(form.token(), form.password())) {
				model.addAttribute("valid", false);
				return "accounts/reset";
			}
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return "accounts/reset";
		}
		Flash.success(ra, "accounts.reset.done");
		return "redirect:/login";
	}

}
