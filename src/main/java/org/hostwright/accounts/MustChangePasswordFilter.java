package org.hostwright.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account created with a temporary password can do nothing on the web until it picks
 * its own.
 */
final class MustChangePasswordFilter extends OncePerRequestFilter {

	static final String PAGE = "/account/password/new";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getServletPath();
		if (auth != null && auth.getPrincipal() instanceof AccountUser user && user.mustChangePassword()
				&& !allowed(path) && !Impersonation.active(auth)) {
			response.sendRedirect(request.getContextPath() + PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(PAGE) || path.equals("/logout") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/error")
				|| path.equals("/favicon.ico");
	}

}
