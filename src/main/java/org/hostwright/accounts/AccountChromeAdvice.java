package org.hostwright.accounts;

import org.hostwright.platform.web.PageController;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the impersonation state on every page for the layout. */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class AccountChromeAdvice {

	@ModelAttribute("me")
	AccountUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountUser user ? user : null;
	}

	@ModelAttribute("impersonator")
	AccountUser impersonator() {
		return Impersonation.originalAdmin(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
	}

}
