package org.hostwright.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem+json answer written by a filter or a security handler, before Spring MVC (and
 * {@link ApiProblemAdvice}) is reached: the same shape as the API's other errors.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Writes {@code {type, title, status, detail}} plus the members of {@code extraJson}
	 * (already JSON, e.g. {@code "errors":[...]}) when not null.
	 */
	public static void write(HttpServletResponse response, HttpStatus status, String detail, String extraJson)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":" + json(status.getReasonPhrase()) + ",\"status\":"
					+ status.value() + ",\"detail\":" + json(detail) + (extraJson == null ? "" : "," + extraJson)
					+ "}");
	}

	/** {@code text} as a JSON string, quotes included. */
	public static String json(String text) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				default -> {
					if (c < 0x20) {
						sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

}
