package org.hostwright.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * ZenoPay's webhook. Its only authentication is our own key in {@code x-api-key}
 * (compared in constant time; 403 otherwise, and only such refused calls count against
 * the per-address limit). The raw body is stored first, with a confirmation job in the
 * same transaction ({@link WebhookInbox}); the job asks ZenoPay's status endpoint before
 * anything is marked paid. A delivery seen before changes nothing; every authenticated,
 * well-formed delivery gets a 200 once stored, a 503 if it could not be (the gateway
 * delivers it again).
 */
@Hidden
@RestController
class ZenoWebhookController {

	private static final Logger log = LoggerFactory.getLogger(ZenoWebhookController.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 64 * 1024;

	/**
	 * How long a delivery may wait for its batch to commit before the gateway is told to
	 * retry.
	 */
	private static final Duration STORE_WAIT = Duration.ofSeconds(20);

	private final ZenoPaySettings settings;

	private final WebhookThrottle throttle;

	private final WebhookInbox inbox;

	ZenoWebhookController(ZenoPaySettings settings, WebhookThrottle throttle, WebhookInbox inbox) {
		this.settings = settings;
		this.throttle = throttle;
		this.inbox = inbox;
	}

	@PostMapping("/webhooks/zeno")
	ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "x-api-key", required = false) String key,
			@RequestBody(required = false) byte[] body, HttpServletRequest request) {
		// the key is checked first: the gateway calls from a few addresses, so an address
		// budget would
		// throttle it under a sale; only callers failing authentication spend their
		// address's budget
		if (!authentic(key)) {
			throttle.acquire(request.getRemoteAddr());
			log.warn("Refused a ZenoPay webhook without the right key from {}", request.getRemoteAddr());
			return ResponseEntity.status(403).body(Map.of("error", "forbidden"));
		}
		if (body == null || body.length == 0 || body.length > MAX_BODY) {
			return ResponseEntity.badRequest().body(Map.of("error", "a JSON body is required"));
		}
		String raw = new String(body, StandardCharsets.UTF_8);
		JsonNode json;
		try {
			json = JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", "malformed JSON"));
		}
		String orderId = json.isObject() && json.path("order_id").isString() ? json.path("order_id").asString().strip()
				: "";
		if (orderId.isEmpty() || orderId.length() > 64) {
			return ResponseEntity.badRequest().body(Map.of("error", "order_id is required"));
		}
		WebhookInbox.Delivery delivery = new WebhookInbox.Delivery(orderId, text(json, "payment_status"),
				text(json, "reference"), raw, PaymentEventLog.fingerprint(body));
		try {
			String outcome = inbox.store(delivery).get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			return ResponseEntity.ok(Map.of("received", true, "outcome", outcome));
		}
		catch (TimeoutException | ExecutionException ex) {
			// not stored (or not known to be): the gateway delivers it again on a non-200
			log.warn("A ZenoPay webhook for {} was not stored: {}", orderId, ex.toString());
			return ResponseEntity.status(503).body(Map.of("error", "try again"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ResponseEntity.status(503).body(Map.of("error", "try again"));
		}
	}

	private boolean authentic(String key) {
		String expected = settings.apiKey();
		return key != null && !expected.isEmpty() && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(JsonNode json, String field) {
		JsonNode n = json.path(field);
		return n.isString() || n.isNumber() ? n.asString() : null;
	}

}
