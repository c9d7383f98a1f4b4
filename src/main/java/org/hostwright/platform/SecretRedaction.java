package org.hostwright.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Keeps API keys, passwords and tokens out of the logs of outside calls: the one
 * interceptor of every {@link OutsideCalls} client, and the rule its callers use for
 * their own call records. At DEBUG it logs each request (address, headers, body) and
 * answer (status, body) with every secret value replaced by {@value #REDACTED}; a form or
 * JSON field, a query parameter or a header is secret by its name.
 */
public final class SecretRedaction implements ClientHttpRequestInterceptor {

	public static final String REDACTED = "[redacted]";

	private static final Logger log = LoggerFactory.getLogger(SecretRedaction.class);

	/**
	 * Names whose values are never logged. {@code url} is Webuzo's single sign-on link,
	 * which holds a session token.
	 */
	private static final Set<String> SECRET_NAMES = Set.of("user_passwd", "cnf_user_passwd", "apikey", "api_key",
			"x-api-key", "password", "pass", "passwd", "url", "authorization", "proxy-authorization", "cookie",
			"set-cookie", "secret", "token");

	/** Parts of a name that make it secret wherever they appear. */
	private static final List<String> SECRET_PARTS = List.of("passw", "secret", "token", "apikey", "api-key",
			"api_key");

	private final String system;

	private final JsonMapper json;

	SecretRedaction(String system, JsonMapper json) {
		this.system = system;
		this.json = json;
	}

	/**
	 * Whether the value of a field, parameter or header of this name is kept out of logs.
	 */
	public static boolean isSecret(String name) {
		String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
		return SECRET_NAMES.contains(n) || SECRET_PARTS.stream().anyMatch(n::contains);
	}

	/** Form or query fields as {@code a=b&c=d}, secrets redacted. */
	public static String fields(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? REDACTED : e.getValue()))
			.collect(Collectors.joining("&"));
	}

	/** An encoded query string or form body ({@code a=b&c=d}), secrets redacted. */
	public static String encodedFields(String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return "";
		}
		return java.util.Arrays.stream(encoded.split("&")).map(pair -> {
			int eq = pair.indexOf('=');
			String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			return isSecret(name) ? pair.substring(0, eq < 0 ? pair.length() : eq) + "=" + REDACTED : pair;
		}).collect(Collectors.joining("&"));
	}

	/** A copy of a JSON document with the value of every secret key redacted. */
	public static JsonNode scrubbed(JsonNode node) {
		JsonNode copy = node.deepCopy();
		scrub(copy);
		return copy;
	}

	private static void scrub(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String key : List.copyOf(object.propertyNames())) {
				if (isSecret(key)) {
					object.put(key, REDACTED);
				}
				else {
					scrub(object.get(key));
				}
			}
		}
		else if (node != null && node.isArray()) {
			node.values().forEach(SecretRedaction::scrub);
		}
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!log.isDebugEnabled()) {
			return execution.execute(request, body);
		}
		log.debug("{} → {} {} {} {}", system, request.getMethod(), address(request.getURI()),
				headers(request.getHeaders()), body(request.getHeaders().getContentType(), body));
		long started = System.nanoTime();
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException ex) {
			log.debug("{} ← no answer after {} ms: {}", system, (System.nanoTime() - started) / 1_000_000,
					ex.getClass().getSimpleName());
			throw ex;
		}
		byte[] answer = response.getBody().readAllBytes();
		log.debug("{} ← HTTP {} in {} ms {} {}", system, response.getStatusCode().value(),
				(System.nanoTime() - started) / 1_000_000, headers(response.getHeaders()),
				body(response.getHeaders().getContentType(), answer));
		return new Buffered(response, answer);
	}

	private static String address(URI uri) {
		String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
		return uri.getRawQuery() == null ? base : base + "?" + encodedFields(uri.getRawQuery());
	}

	private static String headers(HttpHeaders headers) {
		return headers.headerSet()
			.stream()
			.map(e -> e.getKey() + ": " + (isSecret(e.getKey()) ? REDACTED : String.join(", ", e.getValue())))
			.collect(Collectors.joining("; ", "[", "]"));
	}

	private String body(MediaType type, byte[] body) {
		if (body.length == 0) {
			return "";
		}
		if (type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
			return encodedFields(new String(body, StandardCharsets.UTF_8));
		}
		try {
			return json.writeValueAsString(scrubbed(json.readTree(body)));
		}
		catch (JacksonException ex) {
			// not JSON: its shape is unknown, so nothing of it is logged
			return "[" + body.length + " bytes]";
		}
	}

	/** The answer with its body already read, so the caller can read it again. */
	private static final class Buffered implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final byte[] body;

		Buffered(ClientHttpResponse response, byte[] body) {
			this.response = response;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(body);
		}

		@Override
		public void close() {
			response.close();
		}

	}

}
