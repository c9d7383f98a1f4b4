package org.hostwright.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.hostwright.platform.RandomSecrets;
import org.hostwright.provisioning.WebuzoProperties;
import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A Webuzo panel on loopback that speaks Webuzo's wire contract (admin API {@code POST
 * /index.php?act=..&api=json}, end-user {@code loginAs} actions, JSON answers with HTTP
 * 200 and an {@code error} key on failure) and keeps its accounts in memory. One port
 * plays both the admin (2004/2005) and the end-user (2002/2003) panel. The order's domain
 * picks a behaviour, so every failure mode can be tried by hand: {@code flaky-} (add_user
 * fails twice, then works), {@code broken-} (always fails), {@code exists-} (the account
 * is already on the panel), {@code slow-} (the first answer comes after the client's
 * timeout).
 */
@Component
public class WebuzoSimulator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebuzoSimulator.class);

	static final String VERSION = "4.4.6";

	/** An account on the simulated panel. */
	public record SimulatedAccount(String user, String domain, String email, String plan, boolean suspended,
			List<String> addonDomains) {
	}

	private final SandboxMode sandbox;

	private final String apiUser;

	private final String apiKey;

	private final String adminPassword;

	private final Duration slowDelay;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, SimulatedAccount> accounts = new ConcurrentHashMap<>();

	private final Map<String, Integer> failuresByDomain = new ConcurrentHashMap<>();

	private final Map<String, Boolean> slowAnswered = new ConcurrentHashMap<>();

	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	/** Per user, the account changes the panel accepted, in order (its own log). */
	private final Map<String, List<String>> actionLog = new ConcurrentHashMap<>();

	/** "user:op" whose next answer is lost after the panel did it. */
	private final Map<String, Boolean> losing = new ConcurrentHashMap<>();

	private HttpServer server;

	private ExecutorService executor;

	private volatile boolean running;

	WebuzoSimulator(SandboxMode sandbox, WebuzoProperties panel) {
		String apiKey = panel.apiKey() == null ? "" : panel.apiKey();
		String adminPassword = panel.adminPassword() == null ? "" : panel.adminPassword();
		this.sandbox = sandbox;
		this.apiUser = panel.apiUser();
		// the same defaults as the panel server seeded for the sandbox
		this.apiKey = apiKey.isBlank() ? "sandbox-webuzo-key" : apiKey;
		this.adminPassword = adminPassword.isBlank() ? "sandbox-webuzo-password" : adminPassword;
		this.slowDelay = panel.timeout().plusMillis(1500);
	}

	/** The accounts on the simulated panel (for tests and the sandbox). */
	public List<SimulatedAccount> accounts() {
		return List.copyOf(accounts.values());
	}

	public Optional<SimulatedAccount> account(String user) {
		return Optional.ofNullable(accounts.get(user));
	}

	/** How many accounts carry this main domain. */
	public long countByDomain(String domain) {
		return accounts.values().stream().filter(a -> a.domain().equalsIgnoreCase(domain)).count();
	}

	/**
	 * The changes the panel made to this user's account ({@code suspend},
	 * {@code unsuspend}, {@code delete_user}), oldest first: what a panel's own action
	 * log would show.
	 */
	public List<String> actionsOf(String user) {
		return List.copyOf(actionLog.getOrDefault(user, List.of()));
	}

	/**
	 * The next {@code op} ({@code suspend}, {@code unsuspend}, {@code delete_user}) on
	 * this user is done, but its answer never arrives: the caller times out, as when a
	 * node dies after the panel accepted a call and before it recorded the answer.
	 */
	public void loseNextAnswer(String user, String op) {
		losing.put(user + ":" + op, Boolean.TRUE);
	}

	void logged(String user, String op) {
		actionLog.computeIfAbsent(user, u -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(op);
		if (losing.remove(user + ":" + op) != null) {
			pause();
		}
	}

	/** Puts an account on the panel directly, as if someone had created it earlier. */
	public void putAccount(String user, String domain, String email, String plan) {
		accounts.put(user, new SimulatedAccount(user, domain, email, plan, false, List.of()));
	}

	@Override
	public void start() {
		if (!sandbox.enabled()) {
			return;
		}
		try {
			server = LoopbackServers.create();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the Webuzo simulator", ex);
		}
		executor = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "webuzo-simulator");
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
		URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		sandbox.registerEndpoint("webuzo", uri);
		running = true;
		log.info("Webuzo simulator listening on {}", uri);
	}

	@Override
	public void stop() {
		running = false;
		if (server != null) {
			server.stop(0);
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// before the job scheduler, which may call the panel as soon as it starts
		return Integer.MAX_VALUE - 200;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/sess")) {
				landing(exchange, path);
				return;
			}
			if (!path.equals("/") && !path.equals("/index.php")) {
				send(exchange, 404, "text/plain", "Not found");
				return;
			}
			Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
			if ("POST".equals(exchange.getRequestMethod())) {
				try (InputStream in = exchange.getRequestBody()) {
					params.putAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			Map<String, Object> answer = authenticated(exchange, params) ? WebuzoActions.answer(this, params)
					: error("auth", "Authentication failed: invalid API credentials");
			answer.put("version", VERSION);
			send(exchange, 200, "application/json", json.writeValueAsString(answer));
		}
	}

	private boolean authenticated(HttpExchange exchange, Map<String, String> params) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (header != null && header.startsWith("Basic ")) {
			String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			return same(pair, apiUser + ":" + adminPassword) || same(pair, apiUser + ":" + apiKey);
		}
		return same(params.getOrDefault("apiuser", ""), apiUser) && same(params.getOrDefault("apikey", ""), apiKey);
	}

	private static boolean same(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private void landing(HttpExchange exchange, String path) throws IOException {
		String token = path.substring("/sess".length()).replace("/", "");
		String user = sessions.remove(token);
		if (user == null) {
			send(exchange, 403, "text/html; charset=utf-8",
					"<!DOCTYPE html><title>Webuzo</title><p>Session expired.</p>");
			return;
		}
		send(exchange, 200, "text/html; charset=utf-8", """
				<!DOCTYPE html><html><head><meta charset="utf-8"><title>Webuzo control panel (sandbox)</title></head>
				<body style="font-family:system-ui,sans-serif;margin:0;background:#f4f6fb">
				<header style="background:#1f6feb;color:#fff;padding:18px 28px;font-size:20px">Webuzo</header>
				<main style="padding:28px"><h1 id="signed-in">Webuzo control panel (sandbox) – signed in as %s</h1>
				<p>This is the simulated end-user panel of Hostwright's sandbox mode.</p></main></body></html>"""
			.formatted(user));
	}

	// --- state used by WebuzoActions ---

	Map<String, SimulatedAccount> store() {
		return accounts;
	}

	/**
	 * Counts an add_user failure for the domain and tells whether it should still fail.
	 */
	boolean flakyShouldFail(String domain) {
		return failuresByDomain.merge(domain, 1, Integer::sum) <= 2;
	}

	/** Whether this slow domain still has its one slow answer to give. */
	boolean firstSlowAnswer(String domain) {
		return slowAnswered.putIfAbsent(domain, Boolean.TRUE) == null;
	}

	void pause() {
		try {
			Thread.sleep(slowDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String newSession(String user) {
		String token = HexFormat.of().formatHex(RandomSecrets.bytes(16));
		sessions.put(token, user);
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/sess" + token + "/?as=" + token;
	}

	static Map<String, Object> error(String key, String message) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", Map.of(key, message));
		return answer;
	}

	private static Map<String, String> parse(String raw) {
		Map<String, String> params = new LinkedHashMap<>();
		if (raw == null || raw.isBlank()) {
			return params;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.put(k, v);
		}
		return params;
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// the client gave up waiting (the slow- case): nothing to do
		}
	}

}
