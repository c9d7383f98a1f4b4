package org.hostwright.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.web.authentication.switchuser.AuthenticationSwitchUserEvent;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Admins may view the site as a customer ({@code POST /admin/impersonate} with
 * {@code username} = the customer's e-mail) and come back with one click
 * ({@code POST /admin/impersonate/exit}). Another admin can never be impersonated. Start
 * and stop are audited.
 */
@Component
public class Impersonation {

	private final AuditLog audit;

	Impersonation(AuditLog audit) {
		this.audit = audit;
	}

	/** Whether the current authentication is an admin viewing as a customer. */
	public static boolean active(Authentication auth) {
		return originalAdmin(auth).isPresent();
	}

	/** The admin behind an impersonated session. */
	public static Optional<AccountUser> originalAdmin(Authentication auth) {
		if (auth == null) {
			return Optional.empty();
		}
		return auth.getAuthorities()
			.stream()
			.filter(SwitchUserGrantedAuthority.class::isInstance)
			.map(a -> ((SwitchUserGrantedAuthority) a).getSource().getPrincipal())
			.filter(AccountUser.class::isInstance)
			.map(AccountUser.class::cast)
			.findFirst();
	}

	/**
	 * The filter is not a bean (it lives inside the web filter chain), so it is handed
	 * the event publisher explicitly: without it no switch event is published and nothing
	 * would be audited.
	 */
	static SwitchUserFilter filter(AccountUserDetailsService users, ApplicationEventPublisher events) {
		SwitchUserFilter filter = new SwitchUserFilter();
		filter.setUserDetailsService(users);
		filter.setApplicationEventPublisher(events);
		filter.setSwitchUserMatcher(PathPatternRequestMatcher.withDefaults()
			.matcher(org.springframework.http.HttpMethod.POST, "/admin/impersonate"));
		filter.setExitUserMatcher(PathPatternRequestMatcher.withDefaults()
			.matcher(org.springframework.http.HttpMethod.POST, "/admin/impersonate/exit"));
		filter.setUsernameParameter("username");
		filter.setUserDetailsChecker(new NeverAnAdmin());
		filter.setSuccessHandler((HttpServletRequest req, HttpServletResponse res, Authentication auth) -> res
			.sendRedirect(req.getContextPath() + (active(auth) ? "/dashboard" : "/admin/users")));
		filter.setFailureHandler(
				(req, res, ex) -> res.sendRedirect(req.getContextPath() + "/admin/users?impersonation=refused"));
		return filter;
	}

	@EventListener
	void onSwitch(AuthenticationSwitchUserEvent event) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		UserDetails target = event.getTargetUser();
		if (target instanceof AccountUser customer && !active(current)) {
			AccountUser admin = (AccountUser) event.getAuthentication().getPrincipal();
			audit.recordFor(admin.id(), admin.email(), "impersonation.start", "user", customer.id(), customer.email());
		}
		else if (target instanceof AccountUser admin) {
			Object viewed = event.getAuthentication().getPrincipal();
			String who = viewed instanceof AccountUser c ? c.email() : null;
			Object id = viewed instanceof AccountUser c ? c.id() : null;
			audit.recordFor(admin.id(), admin.email(), "impersonation.stop", "user", id, who);
		}
	}

	/** Refuses to switch to an admin or a disabled account. */
	private static final class NeverAnAdmin implements UserDetailsChecker {

		@Override
		public void check(UserDetails user) {
			if (!(user instanceof AccountUser account) || account.admin() || !account.isEnabled()) {
				throw new DisabledException("this account cannot be impersonated");
			}
		}

	}

}
