package org.hostwright.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.hostwright.payments.ZenoPayProperties;
import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A protocol-faithful ZenoPay on loopback (sandbox mode only): the same paths, headers
 * and JSON as {@code https://zenoapi.com/api}. It is strict where the real gateway's
 * behaviour is unverified (key required, national phone form, whole-shilling amounts),
 * and ends each payment according to the buyer's phone (see the README's sandbox table).
 */
@Component
public class ZenoPaySimulator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ZenoPaySimulator.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SandboxMode sandbox;

	private final String apiKey;

	private final Duration delay;

	private final Clock clock;

	private volatile HttpServer server;

	private volatile ExecutorService executor;

	private volatile ZenoPayLedger ledger;

	ZenoPaySimulator(SandboxMode sandbox, ZenoPayProperties zenopay, SandboxProperties properties, Clock clock) {
		String apiKey = zenopay.apiKey();
		Duration delay = properties.zenopay().delay();
		this.sandbox = sandbox;
		// the same fallback as the payments module's: a fixed key known to both sides of
		// the sandbox
		this.apiKey = apiKey == null || apiKey.isBlank() ? "sandbox-zenopay-key" : apiKey.strip();
		this.delay = delay;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!sandbox.enabled()) {
			return;
		}
		try {
			HttpServer s = LoopbackServers.create();
			executor = Executors.newFixedThreadPool(4, r -> {
				Thread t = new Thread(r, "zenopay-simulator");
				t.setDaemon(true);
				return t;
			});
			ledger = new ZenoPayLedger(apiKey, delay, clock);
			s.setExecutor(executor);
			s.createContext("/api/payments/mobile_money_tanzania", this::push);
			s.createContext("/api/payments/order-status", this::status);
			s.start();
			server = s;
			URI base = URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/api");
			sandbox.registerEndpoint("zenopay", base);
			log.info("Sandbox ZenoPay simulator listening on {}", base);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the sandbox ZenoPay simulator", ex);
		}
	}

	@Override
	public void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
			ledger.shutdown();
			executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	@Override
	public int getPhase() {
		// before the web server and the job scheduler, so clients find it from the first
		// request
		return Integer.MIN_VALUE + 1000;
	}

	/**
	 * The payment status the simulator holds for an order id (for tests and
	 * troubleshooting).
	 */
	public java.util.Optional<String> paymentStatus(String orderId) {
		return ledger == null ? java.util.Optional.empty() : ledger.find(orderId).map(p -> p.status);
	}

	private void push(HttpExchange ex) throws IOException {
		try (ex) {
			if (!"POST".equals(ex.getRequestMethod())) {
				reply(ex, 405, "{\"status\":\"error\",\"message\":\"Method not allowed\"}");
				return;
			}
			if (!authorised(ex)) {
				return;
			}
			JsonNode body;
			try (InputStream in = ex.getRequestBody()) {
				body = JSON.readTree(in.readNBytes(64 * 1024));
			}
			catch (JacksonException e) {
				reply(ex, 400, "{\"status\":\"error\",\"message\":\"Invalid JSON body\"}");
				return;
			}
			String problem = invalid(body);
			if (problem != null) {
				reply(ex, 400, JSON
					.writeValueAsString(JSON.createObjectNode().put("status", "error").put("message", problem)));
				return;
			}
			String orderId = body.path("order_id").asString();
			if (!ledger.accept(orderId, body.path("buyer_phone").asString(), body.path("amount").asLong(),
					body.path("webhook_url").asString(null), body.path("metadata"))) {
				reply(ex, 400, "{\"status\":\"error\",\"message\":\"Duplicate order_id\"}");
				return;
			}
			reply(ex, 200,
					JSON.writeValueAsString(JSON.createObjectNode()
						.put("status", "success")
						.put("resultcode", "000")
						.put("message", "Request in progress. You will receive a callback shortly")
						.put("order_id", orderId)));
		}
	}

	private void status(HttpExchange ex) throws IOException {
		try (ex) {
			if (!"GET".equals(ex.getRequestMethod())) {
				reply(ex, 405, "{\"status\":\"error\",\"message\":\"Method not allowed\"}");
				return;
			}
			if (!authorised(ex)) {
				return;
			}
			String orderId = query(ex.getRequestURI().getRawQuery(), "order_id");
			var payment = orderId == null ? java.util.Optional.<ZenoPayLedger.Payment>empty() : ledger.find(orderId);
			if (payment.isEmpty()) {
				reply(ex, 200,
						"{\"reference\":null,\"resultcode\":\"999\",\"result\":\"FAIL\",\"message\":\"Order not found\",\"data\":[]}");
				return;
			}
			reply(ex, 200, JSON.writeValueAsString(ledger.statusBody(payment.get())));
		}
	}

	private boolean authorised(HttpExchange ex) throws IOException {
		String key = ex.getRequestHeaders().getFirst("x-api-key");
		if (key == null || key.isBlank()) {
			reply(ex, 401, "{\"status\":\"error\",\"message\":\"API key is missing\"}");
			return false;
		}
		if (!MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
			reply(ex, 403, "{\"status\":\"error\",\"message\":\"Invalid API key\"}");
			return false;
		}
		return true;
	}

	private static String invalid(JsonNode b) {
		if (!b.isObject()) {
			return "Invalid JSON body";
		}
		for (String field : new String[] { "order_id", "buyer_email", "buyer_name", "buyer_phone" }) {
			if (!b.path(field).isString() || b.path(field).asString().isBlank()) {
				return "Missing required field: " + field;
			}
		}
		if (!b.path("buyer_phone").asString().matches("0[67]\\d{8}")) {
			return "buyer_phone must be in the format 07XXXXXXXX or 06XXXXXXXX";
		}
		if (!b.path("amount").isIntegralNumber() || b.path("amount").asLong() <= 0) {
			return "amount must be a positive whole number of TZS";
		}
		return null;
	}

	private static String query(String raw, String name) {
		if (raw == null) {
			return null;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static void reply(HttpExchange ex, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", "application/json");
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

}
