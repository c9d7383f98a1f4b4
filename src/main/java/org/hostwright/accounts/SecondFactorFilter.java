package org.hostwright.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in session at the second factor until it is passed (or, for an admin
 * without one while they are required, at enrolment), whether the session began with the
 * password form or a remember-me cookie. Viewing panel credentials and impersonating ask
 * for the factor again when the last check is older than {@link SecondFactors#STEP_UP}.
 */
final class SecondFactorFilter extends OncePerRequestFilter {

	/**
	 * Session attribute: epoch millis of the last factor check, or {@link #NOT_NEEDED}.
	 */
	static final String CHECKED_AT = "hw.factor.checkedAt";

	static final long NOT_NEEDED = -1;

	static final String FACTOR_PAGE = "/login/factor";

	static final String ENROL_PAGE = "/account/security";

	private static final Pattern STEP_UP_GET = Pattern.compile("/admin/users/[^/]+/credentials");

	private static final Pattern STEP_UP_POST = Pattern.compile("/admin/impersonate|/admin/services/[^/]+/credentials");

	private final SecondFactors factors;

	private final Clock clock;

	SecondFactorFilter(SecondFactors factors, Clock clock) {
		this.factors = factors;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountUser user) || Impersonation.active(auth)
				|| alwaysAllowed(request.getServletPath())) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession();
		Long checkedAt = (Long) session.getAttribute(CHECKED_AT);
		String path = request.getServletPath();
		if (checkedAt == null) {
			if (!factors.required(user)) {
				session.setAttribute(CHECKED_AT, NOT_NEEDED);
			}
			else if (factors.mustEnrol(user)) {
				if (!path.equals(ENROL_PAGE) && !path.startsWith(ENROL_PAGE + "/")
						&& !path.startsWith("/webauthn/register")) {
					redirect(request, response, ENROL_PAGE);
					return;
				}
			}
			else if (!path.equals(FACTOR_PAGE) && !path.equals("/login/webauthn")
					&& !path.equals("/webauthn/authenticate/options")) {
				redirect(request, response, FACTOR_PAGE);
				return;
			}
		}
		else if (stepUp(request) && stale(checkedAt, user)) {
			redirect(request, response,
					FACTOR_PAGE + "?continue=" + URLEncoder.encode(back(request), StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean stale(long checkedAt, AccountUser user) {
		if (checkedAt == NOT_NEEDED) {
			// nothing was asked at sign-in; ask now if a factor was enrolled since
			return factors.enrolled(user.id());
		}
		return clock.millis() - checkedAt > SecondFactors.STEP_UP.toMillis();
	}

	private static boolean stepUp(HttpServletRequest request) {
		String path = request.getServletPath();
		return switch (request.getMethod()) {
			case "GET" -> STEP_UP_GET.matcher(path).matches();
			case "POST" -> STEP_UP_POST.matcher(path).matches();
			default -> false;
		};
	}

	/**
	 * Where to come back after the step-up: the page itself for a GET, the page the form
	 * was on for a POST.
	 */
	private static String back(HttpServletRequest request) {
		if ("GET".equals(request.getMethod())) {
			return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		}
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (uri.getPath() != null && uri.getPath().startsWith("/")) {
					return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
				}
			}
			catch (IllegalArgumentException ex) {
				// fall through to the console
			}
		}
		return "/admin";
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
			throws IOException {
		String url = request.getContextPath() + target;
		if (request.getHeader("HX-Request") != null) {
			// htmx would swap the page into a fragment: make the browser go there instead
			response.setHeader("HX-Redirect", url);
			response.setStatus(204);
			return;
		}
		response.sendRedirect(url);
	}

	private static boolean alwaysAllowed(String path) {
		return path.equals("/logout") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/error")
				|| path.equals("/favicon.ico") || path.equals("/admin/impersonate/exit");
	}

}
