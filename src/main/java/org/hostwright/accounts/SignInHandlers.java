package org.hostwright.accounts;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

	/** Session attribute: the e-mail of the last failed sign-in, shown once. */
	static final String SIGN_IN_EMAIL = "signin.email";

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
			var target = ContinueTo.safe(request.getParameter(ContinueTo.PARAMETER));
			if (target.isPresent() && !user.admin()) {
				clearAuthenticationAttributes(request);
				getRedirectStrategy().sendRedirect(request, response, target.get());
				return;
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
			// the form shows the address again (kept in the session, never in the URL),
			// and the sign-in still continues where it was going
			if (email != null && !email.isBlank() && email.length() <= 254) {
				request.getSession().setAttribute(SIGN_IN_EMAIL, email.strip());
			}
			String target = ContinueTo.safe(request.getParameter(ContinueTo.PARAMETER))
				.map(t -> "&" + ContinueTo.PARAMETER + "=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
				.orElse("");
			// the same answer for an unknown e-mail and a wrong password
			response.sendRedirect(request.getContextPath() + "/login?error" + target);
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
