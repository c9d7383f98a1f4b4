package org.hostwright.sites;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves client websites by {@code Host}: a request for {@code {subdomain}.{sites
 * domain}} or for a live client domain is forwarded internally to
 * {@code /sites/{subdomain}/...}. Requests for the platform's own host pass through
 * untouched; any other host gets a neutral 404 page. Runs before Spring Security and
 * sessions, so visitors of client sites never get a platform session.
 */
class SiteHostFilter extends OncePerRequestFilter {

	/**
	 * Request attribute telling the site controller that links are relative to the host's
	 * root.
	 */
	static final String HOST_ROUTED = SiteHostFilter.class.getName() + ".hostRouted";

	/**
	 * The neutral page for a host the platform does not serve (not a valid subdomain, so
	 * no site clashes).
	 */
	static final String NO_SITE_PATH = "/sites/-/no-site-here";

	private final HostRouting routing;

	SiteHostFilter(HostRouting routing) {
		this.routing = routing;
	}

	/**
	 * Gateways' webhooks are the platform's whichever host they were sent to (they are
	 * authenticated by their key, not their host).
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/webhooks/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HostRouting.Route route = routing.route(request.getServerName());
		if (route.kind() == HostRouting.Route.Kind.PLATFORM) {
			chain.doFilter(request, response);
			return;
		}
		if (route.kind() == HostRouting.Route.Kind.UNKNOWN) {
			// never the platform's storefront on a host someone pointed at us by mistake
			// (or on purpose)
			request.getRequestDispatcher(NO_SITE_PATH).forward(request, response);
			return;
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		request.setAttribute(HOST_ROUTED, Boolean.TRUE);
		request.getRequestDispatcher("/sites/" + route.subdomain() + (path.isEmpty() ? "/" : path))
			.forward(request, response);
	}

}
