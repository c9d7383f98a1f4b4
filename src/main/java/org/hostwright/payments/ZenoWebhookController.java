package org.hostwright.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.hostwright.payments.PaymentEventLog.NewEvent;
import org.hostwright.platform.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ZenoPay's webhook. Its only authentication is our own key in {@code x-api-key}
 * (compared in constant time; 403 otherwise, and only such refused calls count against
 * the per-address limit). The raw body is stored first, with a confirmation job in the
 * same transaction; the job asks ZenoPay's status endpoint before anything is marked
 * paid. A delivery seen before changes nothing; every authenticated, well-formed delivery
 * gets a 200 once stored.
 */
@Hidden
@RestController
class ZenoWebhookController {

	private static final Logger log = LoggerFactory.getLogger(ZenoWebhookController.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 64 * 1024;

	private final ZenoPaySettings settings;

	private final WebhookThrottle throttle;

	private final PaymentAttempts attempts;

	private final PaymentEventLog events;

	private final Jobs jobs;

	private final OneTimeTask<String> confirm;

	private final TransactionTemplate tx;

	private final Clock clock;

	ZenoWebhookController(ZenoPaySettings settings, WebhookThrottle throttle, PaymentAttempts attempts,
			PaymentEventLog events, Jobs jobs, @Qualifier("paymentConfirmTask") OneTimeTask<String> confirm,
			TransactionTemplate tx, Clock clock) {
		this.settings = settings;
		this.throttle = throttle;
		this.attempts = attempts;
		this.events = events;
		this.jobs = jobs;
		this.confirm = confirm;
		this.tx = tx;
		this.clock = clock;
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
		try {
			String outcome = tx.execute(s -> store(orderId, json, raw, PaymentEventLog.fingerprint(body)));
			jobs.triggerCheck();
			return ResponseEntity.ok(Map.of("received", true, "outcome", outcome));
		}
		catch (DuplicateKeyException ex) {
			return ResponseEntity.ok(Map.of("received", true, "outcome", "duplicate"));
		}
	}

	private String store(String orderId, JsonNode json, String raw, String fingerprint) {
		Instant now = Instant.now(clock);
		// lock order everywhere in payments: the attempt row before the order row. The
		// event's foreign keys
		// take a key-share lock on the order, then the attempt; locking the attempt first
		// means a
		// settlement holding it (and about to lock the order) finishes before we touch
		// the order.
		var attempt = attempts.lockByGatewayOrderId(orderId);
		String outcome = attempt.isEmpty() ? "unknown_order"
				: attempt.get().status() == AttemptStatus.COMPLETED ? "already_applied" : "received";
		events.insert(
				new NewEvent(attempt.map(PaymentAttempt::orderId).orElse(null),
						attempt.map(PaymentAttempt::id).orElse(null), orderId, "zenopay", "webhook",
						text(json, "payment_status"), text(json, "reference"), null, null, raw, fingerprint, outcome),
				now);
		if ("received".equals(outcome)) {
			jobs.scheduleIfAbsent(confirm.instance(orderId, orderId), now);
		}
		return outcome;
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
