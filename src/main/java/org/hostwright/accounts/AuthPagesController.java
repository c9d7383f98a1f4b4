package org.hostwright.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up and the sign-in page (the sign-in POST itself is Spring Security's). */
@PageController
class AuthPagesController {

	private final Accounts accounts;

	private final WebSignIn webSignIn;

	private final SignUpThrottle signUps;

	private final AccountLanguages languages;

	AuthPagesController(Accounts accounts, WebSignIn webSignIn, SignUpThrottle signUps, AccountLanguages languages) {
		this.languages = languages;
		this.accounts = accounts;
		this.webSignIn = webSignIn;
		this.signUps = signUps;
	}

	record SignUpForm(@NotBlank @Size(max = 120) String name, @NotBlank @Email String email,
			@Size(max = 30) String phone, @NotBlank String password) {
	}

	@GetMapping("/login")
	String login(Authentication auth, @RequestParam(name = ContinueTo.PARAMETER, required = false) String target,
			HttpServletRequest request, Model model) {
		if (auth != null && auth.getPrincipal() instanceof AccountUser user) {
			return "redirect:" + (user.admin() ? "/admin" : "/dashboard");
		}
		var session = request.getSession(false);
		if (session != null && session.getAttribute(SignInHandlers.SIGN_IN_EMAIL) instanceof String email) {
			session.removeAttribute(SignInHandlers.SIGN_IN_EMAIL);
			model.addAttribute("email", email);
		}
		ContinueTo.safe(target).ifPresent(t -> model.addAttribute("continueTo", t));
		return "accounts/login";
	}

	@GetMapping("/signup")
	String signUp(@AuthenticationPrincipal AccountUser me, Model model) {
		if (me != null) {
			return "redirect:/dashboard";
		}
		model.addAttribute("form", new SignUpForm("", "", "", ""));
		return "accounts/signup";
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes ra) {
		if (errors.hasErrors()) {
			return "accounts/signup";
		}
		// counted before the work, so a script cannot create accounts faster than the
		// limit (429 page)
		signUps.acquire(request.getRemoteAddr());
		try {
			Account account = accounts
				.register(NewAccount.customer(form.name(), form.email(), form.phone(), form.password()));
			// the language of the page the customer signed up on becomes their choice
			languages.remember(account.id(), LocaleContextHolder.getLocale());
			webSignIn.signIn(account, request, response);
			Flash.success(ra, "accounts.signup.done", account.email());
			return "redirect:/dashboard";
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
		}
		catch (EmailTakenException ex) {
			errors.rejectValue("email", ex.code(), ex.getMessage());
		}
		return "accounts/signup";
	}

}
