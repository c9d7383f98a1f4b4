package org.hostwright.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the web pages over real HTTP like a browser without JavaScript: keeps cookies,
 * reads the CSRF token from the last page's form, and lets the test follow redirects
 * explicitly.
 */
public class WebSession {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private final CookieManager cookies;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String lastCsrf;

	public WebSession(String base) {
		this.base = base;
		this.cookies = new CookieManager();
		cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public record Page(int status, String location, String body, HttpResponse<String> raw) {

		public boolean redirectsTo(String path) {
			return location != null && (location.equals(path) || location.endsWith(path) || location.contains(path));
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

	}

	public Page get(String path) {
		return send(builder(path).GET().build());
	}

	/**
	 * Sends this header with every request from now on, e.g. {@code X-Forwarded-For} to
	 * appear to come from another client address (the loopback is a trusted proxy).
	 */
	public WebSession withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	/** The value of a cookie this session holds, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Forgets a cookie, as a browser does with a session cookie when it is closed. */
	public void dropCookie(String name) {
		var store = cookies.getCookieStore();
		store.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.toList()
			.forEach(c -> store.getURIs().forEach(u -> store.remove(u, c)));
		store.getCookies().stream().filter(c -> c.getName().equals(name)).toList().forEach(c -> store.remove(null, c));
	}

	/**
	 * Adds a cookie as if the server had set it (to carry one over to a fresh session).
	 */
	public void addCookie(String name, String value) {
		var cookie = new java.net.HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(base), cookie);
	}

	/** GET, following redirects on this site (at most 10). */
	public Page open(String path) {
		Page page = get(path);
		for (int i = 0; i < 10 && page.location() != null && page.status() / 100 == 3; i++) {
			page = get(page.location());
		}
		return page;
	}

	/**
	 * POSTs a form with the CSRF token taken from the last HTML page this session loaded.
	 */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (lastCsrf != null && !all.containsKey("_csrf")) {
			all.put("_csrf", lastCsrf);
		}
		String body = all.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Loads {@code pagePath} (for its CSRF token), then posts the form to {@code action}.
	 */
	public Page submit(String pagePath, String action, Map<String, String> fields) {
		get(pagePath);
		return post(action, fields);
	}

	/** Follows a redirect answer (and any further ones). */
	public Page follow(Page page) {
		Page p = page;
		for (int i = 0; i < 10 && p.location() != null && p.status() / 100 == 3; i++) {
			p = get(p.location());
		}
		return p;
	}

	public Page signIn(String email, String password) {
		return submit("/login", "/login", Map.of("email", email, "password", password));
	}

	public Page signOut() {
		get("/account");
		return post("/logout", Map.of());
	}

	public Page request(HttpRequest request) {
		return send(request);
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			if (body != null) {
				Matcher m = CSRF.matcher(body);
				if (m.find()) {
					lastCsrf = m.group(1) != null ? m.group(1) : m.group(2);
				}
				else {
					Matcher meta = CSRF_META.matcher(body);
					if (meta.find()) {
						lastCsrf = meta.group(1);
					}
				}
			}
			String location = response.headers().firstValue("Location").orElse(null);
			return new Page(response.statusCode(), location, body, response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String csrf() {
		return lastCsrf;
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
		if (!headers.containsKey("Accept")) {
			// what a browser sends: error answers are then the HTML pages, not JSON
			b.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		}
		headers.forEach(b::header);
		return b;
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : base + path);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
	}

}
