package org.hostwright.payments;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.platform.TooManyRequestsException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The webhook's refusals as {@code application/problem+json}, the shape of the API's
 * (field errors as {@code errors: [{field, message}]}). In English: the reader is the
 * gateway's log.
 */
final class WebhookProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebhookProblems() {
	}

	/** A 400 for a body that is not a JSON object at all. */
	static void unreadable(HttpServletResponse response, String detail) throws IOException {
		Map<String, Object> problem = problem(HttpStatus.BAD_REQUEST, detail);
		problem.put("errors", List.of(Map.of("field", "", "message", detail)));
		write(response, HttpStatus.BAD_REQUEST, problem);
	}

	/** A 400 naming the JSON field at fault. */
	static void invalidField(HttpServletResponse response, String field, String message) throws IOException {
		Map<String, Object> problem = problem(HttpStatus.BAD_REQUEST, "The webhook has invalid fields.");
		problem.put("errors", List.of(Map.of("field", field, "message", message)));
		write(response, HttpStatus.BAD_REQUEST, problem);
	}

	static void forbidden(HttpServletResponse response) throws IOException {
		write(response, HttpStatus.FORBIDDEN,
				problem(HttpStatus.FORBIDDEN, "The x-api-key header does not hold the merchant's key."));
	}

	static void tooMany(HttpServletResponse response, TooManyRequestsException ex) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		write(response, HttpStatus.TOO_MANY_REQUESTS, problem(HttpStatus.TOO_MANY_REQUESTS,
				"Too many attempts; try again in " + ex.retryAfterSeconds() + " seconds."));
	}

	static void tryAgain(HttpServletResponse response) throws IOException {
		write(response, HttpStatus.SERVICE_UNAVAILABLE,
				problem(HttpStatus.SERVICE_UNAVAILABLE, "The webhook was not stored; deliver it again."));
	}

	private static Map<String, Object> problem(HttpStatus status, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", ZenoWebhookEndpoint.PATH);
		return problem;
	}

	private static void write(HttpServletResponse response, HttpStatus status, Map<String, Object> problem)
			throws IOException {
		byte[] body = JSON.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
