package org.hostwright.accounts;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Languages;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own profile: details, password, e-mail verification, deletion. */
@PageController
class ProfileController {

	private final Accounts accounts;

	private final WebSignIn webSignIn;

	private final AccountLanguages languages;

	private final LocaleResolver localeResolver;

	ProfileController(Accounts accounts, WebSignIn webSignIn, AccountLanguages languages,
			LocaleResolver localeResolver) {
		this.localeResolver = localeResolver;
		this.accounts = accounts;
		this.webSignIn = webSignIn;
		this.languages = languages;
	}

	/** The language the profile form shows as chosen: the saved one, else the page's. */
	@ModelAttribute("savedLanguage")
	String savedLanguage(@AuthenticationPrincipal AccountUser me, Locale locale) {
		return me == null ? null : languages.tag(me.id()).orElse(Languages.supported(locale).orElse("en"));
	}

	record ProfileForm(@NotBlank @Size(max = 120) String name, @NotBlank @Email String email,
			@Size(max = 30) String phone) {
	}

	record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record NewPasswordForm(@NotBlank String password, @NotBlank String confirm) {
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal AccountUser me, Model model) {
		Account account = accounts.require(me.id());
		model.addAttribute("account", account);
		model.addAttribute("profile", new ProfileForm(account.name(), account.email(), account.phone()));
		model.addAttribute("password", new PasswordForm("", ""));
		return "accounts/profile";
	}

	@PostMapping("/account/profile")
	String update(@AuthenticationPrincipal AccountUser me, @Valid @ModelAttribute("profile") ProfileForm form,
			BindingResult errors, @RequestParam(required = false) String language, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes ra) {
		if (!errors.hasErrors()) {
			try {
				Account updated = accounts.updateProfile(me.id(), form.name(), form.email(), form.phone());
				// through the resolver: it saves the choice and updates what the session
				// remembers of it
				Languages.supported(language)
					.ifPresent(tag -> localeResolver.setLocale(request, response, Locale.forLanguageTag(tag)));
				webSignIn.refresh(updated, request, response);
				Flash.success(ra, "accounts.profile.saved");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, errors);
			}
		}
		model.addAttribute("account", accounts.require(me.id()));
		model.addAttribute("password", new PasswordForm("", ""));
		return "accounts/profile";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountUser me, @Valid @ModelAttribute("password") PasswordForm form,
			BindingResult errors, Model model, RedirectAttributes ra) {
		if (!errors.hasErrors()) {
			try {
				accounts.changePassword(me.id(), form.currentPassword(), form.newPassword());
				Flash.success(ra, "accounts.password.changed");
				return "redirect:/account";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, errors);
			}
		}
		Account account = accounts.require(me.id());
		model.addAttribute("account", account);
		model.addAttribute("profile", new ProfileForm(account.name(), account.email(), account.phone()));
		return "accounts/profile";
	}

	@PostMapping("/account/delete")
	String delete(@AuthenticationPrincipal AccountUser me, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes ra) {
		try {
			accounts.delete(me.id(), password);
		}
		catch (InvalidInputException ex) {
			Flash.error(ra, "accounts.delete.passwordWrong");
			return "redirect:/account";
		}
		catch (ConflictException ex) {
			Flash.error(ra, ex.code());
			return "redirect:/account";
		}
		new SecurityContextLogoutHandler().logout(request, response, null);
		Flash.info(ra, "accounts.delete.done");
		return "redirect:/";
	}

	@PostMapping("/account/verify-email")
	String resendVerification(@AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		Account account = accounts.require(me.id());
		if (!account.emailVerified()) {
			accounts.sendVerification(account);
		}
		Flash.info(ra, "accounts.verify.sent", account.email());
		return "redirect:/account";
	}

	@GetMapping("/verify-email")
	String verify(@RequestParam(required = false) String token, RedirectAttributes ra) {
		if (accounts.verifyEmail(token)) {
			Flash.success(ra, "accounts.verify.done");
		}
		else {
			Flash.error(ra, "accounts.verify.invalid");
		}
		return "redirect:/account";
	}

	@GetMapping(MustChangePasswordFilter.PAGE)
	String newPassword(Model model) {
		model.addAttribute("form", new NewPasswordForm("", ""));
		return "accounts/new-password";
	}

	@PostMapping(MustChangePasswordFilter.PAGE)
	String newPassword(@AuthenticationPrincipal AccountUser me, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult errors, HttpServletRequest request, HttpServletResponse response, RedirectAttributes ra) {
		if (!errors.hasErrors() && !form.password().equals(form.confirm())) {
			errors.rejectValue("confirm", "accounts.password.mismatch", "The two passwords differ.");
		}
		if (errors.hasErrors()) {
			return "accounts/new-password";
		}
		try {
			accounts.setNewPassword(me.id(), form.password());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return "accounts/new-password";
		}
		webSignIn.refresh(accounts.require(me.id()), request, response);
		Flash.success(ra, "accounts.password.changed");
		return "redirect:" + (me.admin() ? "/admin" : "/dashboard");
	}

}
