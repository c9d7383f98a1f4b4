package org.hostwright.accounts;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.audit.AuditLog;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * A passkey ceremony that succeeded, from the sign-in page or as the second step: the
 * passkey is the second factor (possession, and the device's own check of its owner), so
 * the session is checked as of now; audited; the answer is the JSON the passkey script
 * reads, with where to go next.
 */
final class PasskeySignIn implements AuthenticationSuccessHandler {

	private final SecondFactors factors;

	private final AuditLog audit;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	PasskeySignIn(SecondFactors factors, AuditLog audit, Clock clock) {
		this.factors = factors;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String target = "/dashboard";
		if (authentication.getPrincipal() instanceof AccountUser user) {
			audit.recordFor(user.id(), user.email(), "auth.signin", "user", user.id(), "passkey");
			factors.passkeyUsed(user);
			target = user.mustChangePassword() ? "/account/password/new" : user.admin() ? "/admin" : "/dashboard";
		}
		request.getSession().setAttribute(SecondFactorFilter.CHECKED_AT, clock.millis());
		SavedRequest saved = requests.getRequest(request, response);
		if (saved != null && saved.getRedirectUrl() != null) {
			requests.removeRequest(request, response);
			target = saved.getRedirectUrl();
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"authenticated\":true,\"redirectUrl\":\"" + target.replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\"}");
	}

}
