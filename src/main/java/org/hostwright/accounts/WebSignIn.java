package org.hostwright.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a just-created account in on the web (after sign-up or checkout), with a new
 * session id so a planted session cannot be taken over.
 */
@Component
public class WebSignIn {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		AccountUser user = AccountUser.of(account);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

	/**
	 * Replaces the principal in the session after the account changed (name, forced
	 * password).
	 */
	void refresh(Account account, HttpServletRequest request, HttpServletResponse response) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && Impersonation.active(current)) {
			return;
		}
		AccountUser user = AccountUser.of(account);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

}
