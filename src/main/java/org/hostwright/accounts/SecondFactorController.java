package org.hostwright.accounts;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.PageController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second-factor pages: the check after the password (and the step-up before sensitive
 * actions), and the account's security page (enrol or remove the authenticator app, new
 * recovery codes, passkeys).
 */
@PageController
class SecondFactorController {

	/**
	 * Session attribute: the secret being enrolled, until the app's first code proves it
	 * was saved.
	 */
	private static final String PENDING_SECRET = "hw.factor.pendingSecret";

	private final SecondFactors factors;

	private final PasskeyStore passkeys;

	private final AuditLog audit;

	private final UserRepository users;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final String issuer;

	SecondFactorController(SecondFactors factors, PasskeyStore passkeys, AuditLog audit, UserRepository users,
			PasswordEncoder encoder, Clock clock, @Value("${hostwright.brand-name:Hostwright}") String issuer) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.audit = audit;
		this.users = users;
		this.encoder = encoder;
		this.clock = clock;
		this.issuer = issuer;
	}

	@GetMapping(SecondFactorFilter.FACTOR_PAGE)
	String factor(@AuthenticationPrincipal AccountUser me,
			@RequestParam(name = "continue", required = false) String next, Model model) {
		if (me == null) {
			return "redirect:/login";
		}
		model.addAttribute("next", safe(next));
		model.addAttribute("hasTotp", factors.hasTotp(me.id()));
		model.addAttribute("hasPasskey", factors.hasPasskey(me.id()));
		return "accounts/factor";
	}

	@PostMapping(SecondFactorFilter.FACTOR_PAGE)
	String factor(@AuthenticationPrincipal AccountUser me, @RequestParam(required = false) String code,
			@RequestParam(name = "continue", required = false) String next, HttpServletRequest request, Model model,
			RedirectAttributes ra) {
		var method = factors.verify(me, code);
		if (method.isEmpty()) {
			model.addAttribute("error", true);
			return factor(me, next, model);
		}
		request.changeSessionId();
		request.getSession().setAttribute(SecondFactorFilter.CHECKED_AT, clock.millis());
		if (method.get() == SecondFactors.Method.RECOVERY_CODE) {
			Flash.warning(ra, "accounts.factor.recoveryUsed", factors.recoveryCodesLeft(me.id()));
		}
		String target = safe(next);
		return "redirect:" + (target != null ? target : (me.admin() ? "/admin" : "/dashboard"));
	}

	@GetMapping(SecondFactorFilter.ENROL_PAGE)
	String security(@AuthenticationPrincipal AccountUser me, HttpSession session, Model model) {
		boolean hasTotp = factors.hasTotp(me.id());
		model.addAttribute("hasTotp", hasTotp);
		model.addAttribute("mustEnrol", factors.mustEnrol(me));
		model.addAttribute("recoveryLeft", factors.recoveryCodesLeft(me.id()));
		model.addAttribute("passkeys", passkeys.list(me.email()));
		if (!hasTotp) {
			String secret = (String) session.getAttribute(PENDING_SECRET);
			if (secret == null) {
				secret = Totp.newSecret();
				session.setAttribute(PENDING_SECRET, secret);
			}
			model.addAttribute("secret", secret);
			model.addAttribute("otpauth", Totp.uri(issuer, me.email(), secret));
		}
		return "accounts/security";
	}

	@PostMapping(SecondFactorFilter.ENROL_PAGE + "/totp")
	String enrol(@AuthenticationPrincipal AccountUser me, @RequestParam(required = false) String code,
			HttpSession session, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null || factors.hasTotp(me.id())) {
			return "redirect:" + SecondFactorFilter.ENROL_PAGE;
		}
		try {
			List<String> codes = factors.enrolTotp(me, secret, code);
			session.removeAttribute(PENDING_SECRET);
			session.setAttribute(SecondFactorFilter.CHECKED_AT, clock.millis());
			model.addAttribute("codes", codes);
			return "accounts/recovery-codes";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("codeError", true);
			return security(me, session, model);
		}
	}

	@PostMapping(SecondFactorFilter.ENROL_PAGE + "/totp/remove")
	String remove(@AuthenticationPrincipal AccountUser me, @RequestParam(required = false) String password,
			RedirectAttributes ra) {
		if (!passwordRight(me, password)) {
			Flash.error(ra, "accounts.password.currentWrong");
			return "redirect:" + SecondFactorFilter.ENROL_PAGE;
		}
		factors.removeTotp(me);
		Flash.success(ra, "accounts.factor.removed");
		return "redirect:" + SecondFactorFilter.ENROL_PAGE;
	}

	@PostMapping(SecondFactorFilter.ENROL_PAGE + "/recovery-codes")
	String newCodes(@AuthenticationPrincipal AccountUser me, @RequestParam(required = false) String password,
			Model model, RedirectAttributes ra) {
		if (!factors.hasTotp(me.id()) || !passwordRight(me, password)) {
			Flash.error(ra, "accounts.password.currentWrong");
			return "redirect:" + SecondFactorFilter.ENROL_PAGE;
		}
		model.addAttribute("codes", factors.newRecoveryCodes(me));
		return "accounts/recovery-codes";
	}

	/** Removing a passkey asks for the password, as removing the app does. */
	@PostMapping(SecondFactorFilter.ENROL_PAGE + "/passkeys/remove")
	String removePasskey(@AuthenticationPrincipal AccountUser me, @RequestParam(required = false) String id,
			@RequestParam(required = false) String password, RedirectAttributes ra) {
		if (!passwordRight(me, password)) {
			Flash.error(ra, "accounts.password.currentWrong");
			return "redirect:" + SecondFactorFilter.ENROL_PAGE;
		}
		if (id != null && id.length() <= 1000 && passkeys.delete(me.email(), id)) {
			audit.recordFor(me.id(), me.email(), "auth.passkey_removed", "user", me.id(), null);
			Flash.success(ra, "accounts.passkey.removed");
		}
		return "redirect:" + SecondFactorFilter.ENROL_PAGE;
	}

	private boolean passwordRight(AccountUser me, String password) {
		return password != null && users.passwordHash(me.id()).map(h -> encoder.matches(password, h)).orElse(false);
	}

	/** Only a path on this site: never another host ("//evil", "/\evil", "https://…"). */
	static String safe(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
				|| next.length() > 500) {
			return null;
		}
		return next;
	}

}
