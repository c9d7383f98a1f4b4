package org.hostwright.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The network between the nodes and the panel, for crash tests: a loopback proxy in front
 * of the sandbox panel that can hold an account creation (an {@code add_user} call for a
 * given domain) at either side of the panel. Held {@link Hold#BEFORE_PANEL before the
 * panel}, the call never reaches it (the node died before its request left); held
 * {@link Hold#AFTER_PANEL after the panel}, the panel creates the account but its answer
 * never reaches the node (the node died before it could record it). {@link #cut()} ends
 * every held call as a dead peer would: connection closed, no answer, nothing forwarded
 * later.
 */
final class PanelGate implements AutoCloseable {

	enum Hold {

		BEFORE_PANEL, AFTER_PANEL

	}

	/**
	 * Hold the creation of this domain's account once {@code passFirst} calls went by.
	 */
	private record Rule(Hold hold, int passFirst, AtomicInteger seen) {
	}

	private final URI panel;

	private final HttpServer server;

	private final ExecutorService threads;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, Rule> rules = new ConcurrentHashMap<>();

	private final List<HttpExchange> held = new CopyOnWriteArrayList<>();

	private final AtomicInteger heldSoFar = new AtomicInteger();

	PanelGate(URI panel) throws IOException {
		this.panel = panel;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.threads = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "panel-gate");
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	/** Where the nodes reach the panel. */
	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void hold(String domain, Hold hold) {
		hold(domain, hold, 0);
	}

	void hold(String domain, Hold hold, int passFirst) {
		rules.put(domain, new Rule(hold, passFirst, new AtomicInteger()));
	}

	/** How many calls were held since the gate opened (including cut ones). */
	int heldSoFar() {
		return heldSoFar.get();
	}

	/**
	 * Every held call ends without an answer (the connection closes, as a dead node's
	 * does) and from now on every call goes through.
	 */
	void cut() {
		rules.clear();
		for (HttpExchange exchange : held) {
			exchange.close();
		}
		held.clear();
	}

	@Override
	public void close() {
		cut();
		server.stop(0);
		threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Hold hold = holdFor(exchange.getRequestURI().getRawQuery(), new String(body, StandardCharsets.UTF_8));
		if (hold == Hold.BEFORE_PANEL) {
			keep(exchange);
			return;
		}
		HttpResponse<byte[]> answer;
		try {
			answer = forward(exchange, body);
		}
		catch (IOException | InterruptedException ex) {
			exchange.close();
			return;
		}
		if (hold == Hold.AFTER_PANEL) {
			keep(exchange);
			return;
		}
		try (exchange) {
			exchange.getResponseHeaders()
				.set("Content-Type", answer.headers().firstValue("Content-Type").orElse("application/json"));
			exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

	private void keep(HttpExchange exchange) {
		held.add(exchange);
		heldSoFar.incrementAndGet();
	}

	private Hold holdFor(String query, String form) {
		Map<String, String> params = new HashMap<>(parse(query));
		params.putAll(parse(form));
		if (!"add_user".equals(params.get("act")) || "1".equals(params.get("edit_user"))) {
			return null;
		}
		Rule rule = rules.get(params.getOrDefault("domain", ""));
		if (rule == null || rule.seen().incrementAndGet() <= rule.passFirst()) {
			return null;
		}
		return rule.hold();
	}

	private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
		URI target = URI.create(panel.toString() + exchange.getRequestURI().getRawPath()
				+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		for (String header : List.of("Authorization", "Content-Type", "Accept")) {
			String value = exchange.getRequestHeaders().getFirst(header);
			if (value != null) {
				request.header(header, value);
			}
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Map<String, String> parse(String encoded) {
		Map<String, String> params = new HashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return params;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return params;
	}

}
