package org.hostwright.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests that no controller answers, so that they may pass security and reach
 * the 404 page: an unknown address is "not found" for everyone, never the sign-in page
 * (which would also tell a visitor nothing useful). A path that a controller maps with
 * another method still needs sign-in. Only reads (GET, HEAD) are considered: some writes
 * are answered by security filters that run after authorization and have no controller
 * (impersonation), and those must never be let through.
 */
final class UnmappedRequests implements RequestMatcher {

	private final ApplicationContext context;

	private volatile RequestMappingHandlerMapping mappings;

	UnmappedRequests(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			if (parsedPath == null) {
				ServletRequestPathUtils.parseAndCache(request);
			}
			return mappings().getHandler(request) == null;
		}
		catch (Exception ex) {
			// e.g. the path is mapped for another HTTP method: treat it as a known
			// address
			return false;
		}
		finally {
			if (parsedPath == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

	private RequestMappingHandlerMapping mappings() {
		RequestMappingHandlerMapping m = mappings;
		if (m == null) {
			m = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
			mappings = m;
		}
		return m;
	}

}
