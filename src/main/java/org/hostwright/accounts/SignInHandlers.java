package org.hostwright.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.audit.AuditLog;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web sign-in's edges: a throttle in front of the form, and success and failure
 * handlers that count failures, audit, and send each role to its home (a forced password
 * change first).
 */
final class SignInHandlers {

	private SignInHandlers() {
	}

	static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {

		private final SignInThrottle throttle;

		private final DeviceCookies devices;

		private final AuditLog audit;

		private final SecondFactors factors;

		Success(SignInThrottle throttle, DeviceCookies devices, AuditLog audit, SecondFactors factors) {
			this.throttle = throttle;
			this.devices = devices;
			this.audit = audit;
			this.factors = factors;
			setDefaultTargetUrl("/dashboard");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			AccountUser user = (AccountUser) authentication.getPrincipal();
			throttle.succeeded(devices.attempt(request, user.email()));
			devices.remember(user.id(), request, response);
			audit.recordFor(user.id(), user.email(), "auth.signin", "user", user.id(), "web");
			if (!factors.required(user)) {
				// decided once, here: left to the first requests after sign-in, two of
				// them running at once
				// (a streamed export and the next page) would both add the attribute to
				// the stored session
				request.getSession().setAttribute(SecondFactorFilter.CHECKED_AT, SecondFactorFilter.NOT_NEEDED);
			}
			if (user.mustChangePassword()) {
				getRedirectStrategy().sendRedirect(request, response, "/account/password/new");
				return;
			}
			if (user.admin()) {
				setDefaultTargetUrl("/admin");
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

		@Override
		protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) {
			boolean admin = ((AccountUser) authentication.getPrincipal()).admin();
			return admin ? "/admin" : "/dashboard";
		}

	}

	static final class Failure implements AuthenticationFailureHandler {

		private final SignInThrottle throttle;

		private final DeviceCookies devices;

		private final AuditLog audit;

		Failure(SignInThrottle throttle, DeviceCookies devices, AuditLog audit) {
			this.throttle = throttle;
			this.devices = devices;
			this.audit = audit;
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String email = request.getParameter("email");
			throttle.failed(devices.attempt(request, email));
			audit.recordFor(null, email == null ? null : Accounts.normaliseEmail(email), "auth.signin_failed", null,
					null, "web");
			// the same answer for an unknown e-mail and a wrong password
			response.sendRedirect(request.getContextPath() + "/login?error");
		}

	}

	/**
	 * Answers 429 with Retry-After before the password is even checked while a limit is
	 * hit.
	 */
	static final class Throttle extends OncePerRequestFilter {

		private final SignInThrottle throttle;

		private final DeviceCookies devices;

		Throttle(SignInThrottle throttle, DeviceCookies devices) {
			this.throttle = throttle;
			this.devices = devices;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var blocked = throttle.blockedFor(devices.attempt(request, request.getParameter("email")));
			if (blocked.isPresent()) {
				long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
				request.setAttribute("retryAfter", seconds);
				response.sendError(429);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
