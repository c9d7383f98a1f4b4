package org.hostwright.platform.web;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every API operation of the OpenAPI document and every form and parameterised page
 * of the web, as anonymous, customer and admin, with generated bad values (NUL, huge
 * text, 20-digit, negative, fractional and full-width numbers, malformed Unicode, wrong
 * JSON types, broken JSON), and fails on any 5xx. The seed is fixed
 * ({@code -Dfuzz.seed=N} to try another) so a failure replays; requests per operation and
 * the whole walk are bounded so the suite stays fast.
 */
class BadInputFuzzTests extends IntegrationTest {

	private static final long SEED = Long.getLong("fuzz.seed", 20261202L);

	private static final int VARIANTS_PER_OPERATION = 3;

	private static final Duration BUDGET = Duration.ofSeconds(50);

	private static final String PASSWORD = "correct horse battery";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Text values no field should answer with a 500. */
	private static final List<String> BAD_TEXT = List.of("a\u0000b", "x".repeat(5000),
			"a".repeat(290) + "@example.test", "99999999999999999999", "-1", "1.9", "\uFF11", "\uFF11\uFF12",
			"\uDC00broken", "\u00e9".repeat(70) + "." + "\u00e9".repeat(70) + ".com", "xn--" + "a".repeat(80) + ".com",
			"", " ", "0", "9223372036854775807", "1e400", "NaN", "<script>", "%00", "../../etc/passwd");

	/** JSON values of the wrong kind or out of range for whatever the field expects. */
	private static final List<String> BAD_JSON_VALUES = List.of("\"a\\u0000b\"", "\"" + "x".repeat(5000) + "\"", "1.9",
			"-1", "99999999999999999999", "1e400", "9223372036854775807", "true", "[]", "{}", "null", "\"\uFF11\"",
			"\"\\udc00\"", "\"" + "a".repeat(290) + "@example.test\"");

	private static final List<String> BROKEN_BODIES = List.of("{", "[1,", "null", "\"text\"", "{\"a\":}", "1.5", "",
			"{\"\u0000\":1}");

	/**
	 * Left out: signing out ends the callers' sessions, and a new panel server made of
	 * generated text could become the default that other tests provision on (its form is
	 * covered by its own tests).
	 */
	private static final Set<String> SKIPPED_FORMS = Set.of("/logout", "/admin/servers",
			// a plan made of generated text would go on sale in the database other tests
			// share; the form's
			// bad input is covered by AdminPlansPageTest
			"/admin/plans");

	@Autowired
	Accounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final Map<String, Integer> STATS = new java.util.concurrent.ConcurrentSkipListMap<>();

	@org.junit.jupiter.api.AfterAll
	static void stats() {
		System.out.println("FUZZSTATS " + STATS);
	}

	private long deadline;

	private final Map<String, Caller> callers = new LinkedHashMap<>();

	@TestFactory
	Stream<DynamicTest> noBadInputIsAnsweredWithAServerError() {
		prepareCallers();
		Random random = new Random(SEED);
		List<DynamicTest> tests = new ArrayList<>();
		for (ApiOperation op : apiOperations()) {
			long seed = random.nextLong();
			tests.add(DynamicTest.dynamicTest("API " + op.method + " " + op.path,
					() -> assertNoServerError(fuzz(op, seed))));
		}
		for (WebRoute route : webRoutes()) {
			long seed = random.nextLong();
			tests.add(DynamicTest.dynamicTest("web " + route.method + " " + route.path,
					() -> assertNoServerError(fuzz(route, seed))));
		}
		// API and web mixed, so a slow machine that exhausts the budget still samples
		// both
		java.util.Collections.shuffle(tests, random);
		return tests.stream();
	}

	private void assertNoServerError(List<String> failures) {
		assertThat(failures).as("requests answered with a 5xx (seed %d)", SEED).isEmpty();
	}

	// ---- callers: anonymous, customer, admin on the API and on the web ----

	private record Caller(String role, String token, WebSession web, String address) {
	}

	private void prepareCallers() {
		String customer = uniqueEmail("fuzz-customer");
		accounts.register(NewAccount.customer("Fuzz Customer", customer, "0712345678", PASSWORD));
		String admin = uniqueEmail("fuzz-admin");
		accounts.register(NewAccount.customer("Fuzz Admin", admin, "0712345678", PASSWORD));
		jdbc.sql("UPDATE users SET role = ? WHERE email = ?").params("ADMIN", admin).update();
		callers.put("anonymous", new Caller("anonymous", null, anonymousWeb("10.91.0.1"), "10.91.0.1"));
		callers.put("customer", signedIn("customer", customer, "10.91.0.2"));
		callers.put("admin", signedIn("admin", admin, "10.91.0.3"));
	}

	private WebSession anonymousWeb(String address) {
		WebSession web = new WebSession(baseUrl()).withHeader("X-Forwarded-For", address);
		web.get("/login");
		return web;
	}

	private Caller signedIn(String role, String email, String address) {
		WebSession web = new WebSession(baseUrl()).withHeader("X-Forwarded-For", address);
		assertThat(web.signIn(email, PASSWORD).status()).isEqualTo(302);
		web.get("/account");
		String token = api().post("/api/auth/token", ApiClient.json(Map.of("email", email, "password", PASSWORD)))
			.json()
			.get("token")
			.asString();
		return new Caller(role, token, web, address);
	}

	// ---- the API, from its OpenAPI document ----

	private record ApiOperation(String method, String path, List<String> pathParams, List<String> queryParams,
			JsonNode bodySchema) {
	}

	private List<ApiOperation> apiOperations() {
		ApiClient.Response docs = api().get("/api/docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode root = docs.json();
		List<ApiOperation> ops = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> m : path.getValue().properties()) {
				JsonNode op = m.getValue();
				List<String> inPath = new ArrayList<>();
				List<String> inQuery = new ArrayList<>();
				for (JsonNode p : op.path("parameters")) {
					String name = p.path("name").asString();
					if ("path".equals(p.path("in").asString())) {
						inPath.add(name);
					}
					else if ("query".equals(p.path("in").asString())) {
						inQuery.add(name);
					}
				}
				JsonNode schema = resolve(root,
						op.path("requestBody").path("content").path("application/json").path("schema"));
				ops.add(new ApiOperation(m.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), inPath, inQuery,
						schema));
			}
		}
		assertThat(ops).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
		return ops;
	}

	private static JsonNode resolve(JsonNode root, JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return root.path("components").path("schemas").path(name);
		}
		return schema;
	}

	private List<String> fuzz(ApiOperation op, long seed) {
		Random random = new Random(seed);
		List<String> failures = new ArrayList<>();
		for (Caller caller : callers.values()) {
			if (op.method.equals("DELETE") && op.path.equals("/api/auth/token") && caller.token != null) {
				continue; // would revoke the caller's own token
			}
			for (int i = 0; i < VARIANTS_PER_OPERATION && inBudget(); i++) {
				String path = fill(op.path, op.pathParams, random, i == 0);
				String query = query(op.queryParams, random);
				String body = op.bodySchema.isMissingNode() ? null : body(op.bodySchema, random);
				int status = sendApi(caller, op.method, path + query, body);
				if (status >= 500) {
					failures.add(caller.role + " " + op.method + " " + path + query + " body=" + abbreviate(body)
							+ " -> " + status);
				}
			}
		}
		return failures;
	}

	private String body(JsonNode schema, Random random) {
		int roll = random.nextInt(10);
		if (roll == 0) {
			return pick(BROKEN_BODIES, random);
		}
		ObjectNode node = JSON.createObjectNode();
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
			names.add(p.getKey());
			node.set(p.getKey(), plausible(p.getValue()));
		}
		StringBuilder json = new StringBuilder(JSON.writeValueAsString(node));
		if (names.isEmpty()) {
			return json.toString();
		}
		// replace one or two fields with a bad value, in the raw text so out-of-range
		// numbers survive
		String text = json.toString();
		for (int k = 0; k < 1 + random.nextInt(2); k++) {
			String name = pick(names, random);
			String bad = pick(BAD_JSON_VALUES, random);
			text = text.replace("\"" + name + "\":" + JSON.writeValueAsString(node.get(name)),
					"\"" + name + "\":" + bad);
		}
		return text;
	}

	private static JsonNode plausible(JsonNode schema) {
		String type = schema.path("type").asString();
		return switch (type) {
			case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
			case "boolean" -> JSON.getNodeFactory().booleanNode(true);
			case "array" -> JSON.createArrayNode();
			case "object" -> JSON.createObjectNode();
			default -> JSON.getNodeFactory().stringNode("x");
		};
	}

	private int sendApi(Caller caller, String method, String pathAndQuery, String body) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.header("X-Forwarded-For", caller.address);
		if (caller.token != null) {
			b.header("Authorization", "Bearer " + caller.token);
		}
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body);
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		return send(b.method(method, publisher).build());
	}

	// ---- the web: forms and pages with parameters, from Spring's handler mappings ----

	private record WebRoute(String method, String path, List<String> pathParams, List<String> fields) {
	}

	private List<WebRoute> webRoutes() {
		Map<String, WebRoute> routes = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = e.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api") || pattern.startsWith("/error") || SKIPPED_FORMS.contains(pattern)) {
					continue;
				}
				List<String> pathParams = pathParams(pattern);
				List<String> fields = fields(e.getValue());
				boolean post = methods.contains(RequestMethod.POST);
				if (!post && pathParams.isEmpty() && fields.isEmpty()) {
					continue;
				}
				String method = post ? "POST" : "GET";
				routes.put(method + " " + pattern, new WebRoute(method, pattern, pathParams, fields));
			}
		}
		assertThat(routes).as("forms found in the handler mappings").hasSizeGreaterThan(20);
		return new ArrayList<>(routes.values());
	}

	private static List<String> pathParams(String pattern) {
		List<String> names = new ArrayList<>();
		Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/**
	 * The request fields a handler reads: its request parameters and its form object's
	 * properties.
	 */
	private static List<String> fields(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter p : handler.getMethodParameters()) {
			RequestParam rp = p.getParameterAnnotation(RequestParam.class);
			Class<?> type = p.getParameterType();
			if (rp != null) {
				String name = !rp.name().isEmpty() ? rp.name() : rp.value();
				names.add(name.isEmpty() ? p.getParameterName() : name);
			}
			else if (p.hasParameterAnnotation(PathVariable.class) || type.isPrimitive()
					|| type.getName().startsWith("java.") || type.getName().startsWith("jakarta.")
					|| type.getName().startsWith("org.springframework.")) {
				continue;
			}
			else if (type.isRecord()) {
				for (RecordComponent c : type.getRecordComponents()) {
					names.add(c.getName());
				}
			}
			else if (type.getName().startsWith("org.hostwright.") && !type.isInterface()) {
				for (Field f : type.getDeclaredFields()) {
					if (!Modifier.isStatic(f.getModifiers())) {
						names.add(f.getName());
					}
				}
			}
		}
		return new ArrayList<>(names);
	}

	private List<String> fuzz(WebRoute route, long seed) {
		Random random = new Random(seed);
		List<String> failures = new ArrayList<>();
		for (Caller caller : callers.values()) {
			for (int i = 0; i < VARIANTS_PER_OPERATION && inBudget(); i++) {
				String path = fill(route.path, route.pathParams, random, i == 0);
				Map<String, String> fields = new LinkedHashMap<>();
				for (String field : route.fields) {
					fields.put(field, random.nextInt(3) == 0 ? "x" : pick(BAD_TEXT, random));
				}
				String form = fields.entrySet()
					.stream()
					.map(f -> enc(f.getKey()) + "=" + enc(f.getValue()))
					.collect(Collectors.joining("&"));
				int status = sendWeb(caller, route.method, path, form);
				if (status >= 500) {
					failures
						.add(caller.role + " " + route.method + " " + path + " " + abbreviate(form) + " -> " + status);
				}
			}
		}
		return failures;
	}

	private int sendWeb(Caller caller, String method, String path, String form) {
		String csrf = csrf(caller);
		HttpRequest.Builder b = HttpRequest
			.newBuilder(URI.create(baseUrl() + path + ("GET".equals(method) ? "?" + form : "")))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html")
			.header("X-Forwarded-For", caller.address);
		if ("GET".equals(method)) {
			return counted("GET web ", caller.web.request(b.GET().build()).status());
		}
		String body = form.isEmpty() ? "_csrf=" + enc(csrf) : form + "&_csrf=" + enc(csrf);
		// through the caller's own session: its cookies, as a browser sends them
		return counted("POST web ",
				caller.web
					.request(b.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build())
					.status());
	}

	private static int counted(String kind, int status) {
		STATS.merge(kind + status, 1, Integer::sum);
		return status;
	}

	private static String csrf(Caller caller) {
		String token = caller.web.csrf();
		return token == null ? "" : token;
	}

	// ---- generated values ----

	private static String fill(String pattern, List<String> params, Random random, boolean wellFormed) {
		String path = pattern;
		for (String name : params) {
			// well formed but unknown: the walk must not act on the shared test data
			String value = wellFormed ? "987654321" : pick(BAD_TEXT, random);
			if (value.isEmpty()) {
				value = "-1";
			}
			path = path.replaceFirst("\\{" + Pattern.quote(name) + "(:[^}]*)?}",
					Matcher.quoteReplacement(segment(value)));
		}
		return path;
	}

	private static String query(List<String> params, Random random) {
		if (params.isEmpty()) {
			return "";
		}
		return "?"
				+ params.stream().map(p -> enc(p) + "=" + enc(pick(BAD_TEXT, random))).collect(Collectors.joining("&"));
	}

	private static String segment(String value) {
		return enc(value).replace("+", "%20");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static String abbreviate(String s) {
		return s == null ? "null" : s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + ")" : s;
	}

	/**
	 * The time budget counts from the first request of the walk (not the context start or
	 * the sign-ins).
	 */
	private boolean inBudget() {
		if (deadline == 0) {
			deadline = System.nanoTime() + BUDGET.toNanos();
		}
		return System.nanoTime() < deadline;
	}

	private int send(HttpRequest request) {
		try {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			STATS.merge(
					request.method() + " " + (request.uri().getPath().startsWith("/api") ? "api " : "web ") + status, 1,
					Integer::sum);
			return status;
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
