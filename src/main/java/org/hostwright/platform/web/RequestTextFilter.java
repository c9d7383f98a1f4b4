package org.hostwright.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, once for the whole web and API, request parameters (query and form) that carry
 * a NUL character: PostgreSQL refuses to store one, so it would surface as a 500 deep in
 * some repository. Runs right after the character-encoding filter (parameters must be
 * decoded as UTF-8). Webhooks and the sandbox simulators read their raw bodies themselves
 * and are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestTextFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	RequestTextFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/webhooks/") || path.startsWith("/sandbox/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bad = fieldWithNul(request.getParameterMap());
		if (bad == null) {
			chain.doFilter(request, response);
			return;
		}
		// the caller's language: this filter runs before Spring sets the request's
		// locale, so LocaleContextHolder would still hold the server's
		String message = messages.getMessage("problem.nul", null, "Text may not contain a NUL character.",
				request.getLocale());
		if (request.getRequestURI().startsWith("/api/")) {
			Problems.write(response, HttpStatus.BAD_REQUEST, message, "\"errors\":[{\"field\":"
					+ Problems.json(ApiProblemAdvice.snake(bad)) + ",\"message\":" + Problems.json(message) + "}]");
			return;
		}
		response.sendError(HttpStatus.BAD_REQUEST.value(), message);
	}

	/** The first parameter whose name or value holds a NUL, or null. */
	private static String fieldWithNul(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> e : parameters.entrySet()) {
			if (e.getKey().indexOf('\u0000') >= 0) {
				return "";
			}
			for (String value : e.getValue()) {
				if (value != null && value.indexOf('\u0000') >= 0) {
					return e.getKey();
				}
			}
		}
		return null;
	}

}
