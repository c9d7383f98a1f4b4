package org.hostwright.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hostwright.platform.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 on the API as problem+json, the same body whatever the reason. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, HttpStatus.UNAUTHORIZED,
				text("problem.unauthenticated", "Sign in first: send a valid bearer token."));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, text("problem.forbidden", "You are not allowed to do this."));
	}

	/** A bearer token was sent but is unknown, revoked or expired. */
	void invalidToken(HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		write(response, HttpStatus.UNAUTHORIZED,
				text("problem.invalidToken", "The bearer token is invalid or expired."));
	}

	/**
	 * In the caller's language (Accept-Language on the API), English when the bundles
	 * lack it.
	 */
	private String text(String code, String english) {
		return messages.getMessage(code, null, english, LocaleContextHolder.getLocale());
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Problems.write(response, status, detail, null);
	}

}
