package org.hostwright.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.bucket4j.Bucket;
import org.hostwright.platform.OutsideCalls;
import org.hostwright.platform.SecretRedaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The Webuzo adapter, on Webuzo's admin API wire contract:
 * {@code POST /index.php?act=<act>&api=json} with form fields, API-key or HTTP Basic
 * authentication, JSON answers that are HTTP 200 even on failure (a non-empty
 * {@code error} is a failure whatever the status). End-user actions (add domain, single
 * sign-on) go to the end-user panel with {@code loginAs}. Every call waits for the
 * server's rate limiter, has a timeout, and is reported to the sink with its secrets
 * removed ({@link SecretRedaction}). The {@link RestClient} comes from
 * {@link OutsideCalls}, with the timeout already set.
 */
class WebuzoPanel implements HostingPanel {

	/**
	 * Error codes (keys of the panel's keyed {@code error}) meaning the account or domain
	 * is already there.
	 */
	private static final Set<String> ALREADY_THERE = Set.of("user_exists", "domain_exists");

	private final PanelEndpoint endpoint;

	private final RestClient http;

	private final Duration timeout;

	private final Bucket limiter;

	/**
	 * Calls already paid for by a reservation (a provisioning job's): they skip the
	 * limiter.
	 */
	private final java.util.concurrent.atomic.AtomicInteger prepaid;

	private final JsonMapper json;

	private final Consumer<PanelExchange> sink;

	WebuzoPanel(PanelEndpoint endpoint, RestClient http, Duration timeout, Bucket limiter, JsonMapper json,
			Consumer<PanelExchange> sink) {
		this(endpoint, http, timeout, limiter, 0, json, sink);
	}

	WebuzoPanel(PanelEndpoint endpoint, RestClient http, Duration timeout, Bucket limiter, int prepaid, JsonMapper json,
			Consumer<PanelExchange> sink) {
		this.prepaid = new java.util.concurrent.atomic.AtomicInteger(prepaid);
		this.endpoint = endpoint;
		this.http = http;
		this.timeout = timeout;
		this.limiter = limiter;
		this.json = json;
		this.sink = sink;
	}

	@Override
	public void createAccount(NewPanelAccount account) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("create_user", "1");
		form.put("user", account.username());
		form.put("domain", account.domain());
		form.put("user_passwd", account.password());
		form.put("cnf_user_passwd", account.password());
		form.put("email", account.email());
		if (account.panelPackage() != null && !account.panelPackage().isBlank()) {
			form.put("plan", account.panelPackage());
			form.put("plan_default_reseller", "1");
		}
		else {
			form.put("prefill_default", "1");
		}
		JsonNode answer = post(endpoint.adminUrl(), "add_user", Map.of(), form);
		requireDone(answer, "add_user");
	}

	@Override
	public void changePackage(String username, String domain, String email, String panelPackage) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("edit_user", "1");
		form.put("user", username);
		form.put("user_name", username);
		form.put("domain", domain);
		form.put("email", email);
		form.put("plan", panelPackage);
		requireDone(post(endpoint.adminUrl(), "add_user", Map.of(), form), "add_user");
	}

	@Override
	public void suspend(String username) {
		requireDone(post(endpoint.adminUrl(), "users", Map.of(), Map.of("suspend", username)), "users");
	}

	@Override
	public void unsuspend(String username) {
		requireDone(post(endpoint.adminUrl(), "users", Map.of(), Map.of("unsuspend", username)), "users");
	}

	@Override
	public void terminate(String username) {
		requireDone(post(endpoint.adminUrl(), "users", Map.of(), Map.of("delete_user", username)), "users");
	}

	@Override
	public void addDomain(String username, String domain) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("add", "1");
		form.put("domain", domain);
		form.put("domain_type", "addon");
		form.put("domainpath", "public_html/" + domain);
		requireDone(post(endpoint.enduserUrl(), "domainadd", Map.of("loginAs", username), form), "domainadd");
	}

	@Override
	public String singleSignOnUrl(String username) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("loginAs", username);
		query.put("api", "json");
		query.put("act", "sso");
		query.put("noip", "1");
		JsonNode answer = call("sso", endpoint.enduserUrl(), "/", query, null);
		String url = answer.path("done").path("url").asString("");
		if (url.isBlank()) {
			throw new PanelException(PanelException.Kind.REFUSED, "sso: the panel returned no URL");
		}
		return url;
	}

	@Override
	public Optional<PanelAccount> findAccount(String username) {
		JsonNode answer = post(endpoint.adminUrl(), "users", Map.of(), Map.of("search", username));
		JsonNode users = answer.path("users");
		for (Map.Entry<String, JsonNode> entry : users.properties()) {
			JsonNode u = entry.getValue();
			String name = u.path("user").asString(entry.getKey());
			if (username.equalsIgnoreCase(name)) {
				return Optional.of(new PanelAccount(name, u.path("domain").asString(null),
						u.path("email").asString(null), u.path("plan").asString(null),
						"suspended".equalsIgnoreCase(u.path("status").asString(""))));
			}
		}
		return Optional.empty();
	}

	private JsonNode post(URI base, String act, Map<String, String> extraQuery, Map<String, String> form) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("act", act);
		query.put("api", "json");
		query.putAll(extraQuery);
		Map<String, String> body = new LinkedHashMap<>(form);
		return call(act, base, "/index.php", query, body);
	}

	/**
	 * One HTTP exchange; {@code form} null means GET with the credentials in the query.
	 */
	private JsonNode call(String act, URI base, String path, Map<String, String> query, Map<String, String> form) {
		Map<String, String> q = new LinkedHashMap<>(query);
		Map<String, String> f = form == null ? null : new LinkedHashMap<>(form);
		if (!endpoint.basicAuth()) {
			Map<String, String> credentials = f != null ? f : q;
			credentials.put("apiuser", endpoint.user());
			credentials.put("apikey", endpoint.secret());
		}
		URI uri = URI.create(stripSlash(base.toString()) + path + "?" + encode(q));
		RestClient.RequestBodySpec request = http.method(f != null ? HttpMethod.POST : HttpMethod.GET)
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON);
		if (endpoint.basicAuth()) {
			request
				.headers(headers -> headers.setBasicAuth(endpoint.user(), endpoint.secret(), StandardCharsets.UTF_8));
		}
		if (f != null) {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(encode(f));
		}
		String logged = (f != null ? "POST " : "GET ") + path + "?" + SecretRedaction.fields(q)
				+ (f != null ? " " + SecretRedaction.fields(f) : "");
		waitForRateLimit(act);
		if (sink instanceof PanelCalls calls) {
			calls.calling(act, logged);
		}
		long started = System.nanoTime();
		ResponseEntity<String> response;
		try {
			response = request.retrieve().toEntity(String.class);
		}
		catch (ResourceAccessException failed) {
			// the exception's own message repeats the address, query credentials included
			IOException ex = OutsideCalls.failure(failed);
			if (OutsideCalls.Failure.of(ex) == OutsideCalls.Failure.NO_ANSWER) {
				report(act, logged, "timed out after " + timeout.toMillis() + " ms", false, started);
				throw new PanelException(PanelException.Kind.UNREACHABLE,
						act + ": no answer within " + timeout.toMillis() + " ms", ex);
			}
			report(act, logged, "connection failed: " + ex.getClass().getSimpleName(), false, started);
			throw new PanelException(PanelException.Kind.UNREACHABLE,
					act + ": cannot reach the panel (" + ex.getMessage() + ")", ex);
		}
		return interpret(act, logged, response.getStatusCode().value(), response.getBody(), started);
	}

	private JsonNode interpret(String act, String logged, int status, String answer, long started) {
		JsonNode body;
		try {
			body = json.readTree(answer == null || answer.isBlank() ? "{}" : answer);
		}
		catch (RuntimeException ex) {
			report(act, logged, "HTTP " + status + ", not JSON", false, started);
			throw new PanelException(
					status == 401 || status == 403 ? PanelException.Kind.UNAUTHORIZED : PanelException.Kind.REFUSED,
					act + ": unexpected answer (HTTP " + status + ")");
		}
		String error = errorText(body.path("error"));
		boolean ok = error.isEmpty() && status / 100 == 2;
		report(act, logged, "HTTP " + status + " " + json.writeValueAsString(SecretRedaction.scrubbed(body)), ok,
				started);
		if (status == 401 || status == 403) {
			throw new PanelException(PanelException.Kind.UNAUTHORIZED, act + ": the panel refused our credentials");
		}
		if (!error.isEmpty()) {
			throw new PanelException(refusal(body.path("error")), act + ": " + error);
		}
		if (!ok) {
			throw new PanelException(PanelException.Kind.REFUSED, act + ": HTTP " + status);
		}
		return body;
	}

	private static void requireDone(JsonNode answer, String act) {
		JsonNode done = answer.path("done");
		if (!done.isMissingNode()
				&& (done.isNull() || (done.isBoolean() && !done.asBoolean()) || (done.isNumber() && done.asInt() == 0)
						|| (done.isString() && (done.asString().isEmpty() || "0".equals(done.asString()))))) {
			throw new PanelException(PanelException.Kind.REFUSED, act + ": the panel did not confirm the change");
		}
	}

	/**
	 * Webuzo's {@code error} is a list or a keyed map of messages (unverified which):
	 * accept both.
	 */
	/**
	 * What kind of refusal an {@code error} is, read from its codes (the keys of a keyed
	 * error), never from its wording: {@code user_exists} and {@code domain_exists} mean
	 * the thing asked for is already there, which callers treat as the idempotent case.
	 */
	static PanelException.Kind refusal(JsonNode error) {
		if (error != null && error.isObject()) {
			for (var entry : error.properties()) {
				if (ALREADY_THERE.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
					return PanelException.Kind.ALREADY_EXISTS;
				}
			}
		}
		return PanelException.Kind.REFUSED;
	}

	static String errorText(JsonNode error) {
		if (error == null || error.isMissingNode() || error.isNull()) {
			return "";
		}
		if (error.isString() || error.isNumber() || error.isBoolean()) {
			String s = error.asString();
			return "false".equals(s) || "0".equals(s) ? "" : s;
		}
		return error.values()
			.stream()
			.map(WebuzoPanel::errorText)
			.filter(s -> !s.isBlank())
			.collect(Collectors.joining("; "));
	}

	private void waitForRateLimit(String act) {
		if (prepaid.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return;
		}
		try {
			if (!limiter.asBlocking().tryConsume(1, Duration.ofSeconds(30))) {
				throw new PanelException(PanelException.Kind.UNREACHABLE,
						act + ": rate limit of this panel server reached");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PanelException(PanelException.Kind.UNREACHABLE, act + ": interrupted while rate limited", ex);
		}
	}

	private void report(String act, String request, String response, boolean ok, long started) {
		sink.accept(new PanelExchange(act, request, truncate(response), ok, (System.nanoTime() - started) / 1_000_000));
	}

	private static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String stripSlash(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}

	private static String truncate(String s) {
		return s.length() > 4000 ? s.substring(0, 4000) + "…" : s;
	}

}
