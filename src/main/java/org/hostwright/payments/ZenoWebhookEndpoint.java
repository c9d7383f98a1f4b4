package org.hostwright.payments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.platform.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * ZenoPay's webhook. Its only authentication is our own key in {@code x-api-key}
 * (compared in constant time; 403 otherwise, and only such refused calls count against
 * the per-address limit). The raw body is stored first, with a confirmation job in the
 * same transaction ({@link WebhookInbox}); the job asks ZenoPay's status endpoint before
 * anything is marked paid. A delivery seen before changes nothing; every authenticated,
 * well-formed delivery gets a 200 once stored, a 503 if it could not be (the gateway
 * delivers it again); bad input a 400 problem with its field errors.
 * <p>
 * A servlet of its own rather than a Spring MVC controller: a webhook needs none of MVC
 * (content negotiation, argument binding, advice, locale, flash maps), which was most of
 * its CPU time under a sale's burst. The servlet filters and the webhook's security chain
 * still run before it.
 */
class ZenoWebhookEndpoint extends HttpServlet {

	static final String PATH = "/webhooks/zeno";

	private static final Logger log = LoggerFactory.getLogger(ZenoWebhookEndpoint.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY = 64 * 1024;

	private static final String NUL = "must not contain a NUL character";

	/**
	 * How long a delivery may wait for its batch to commit before the gateway is told to
	 * retry.
	 */
	private static final Duration STORE_WAIT = Duration.ofSeconds(20);

	private final transient ZenoPaySettings settings;

	private final transient WebhookThrottle throttle;

	private final transient WebhookInbox inbox;

	ZenoWebhookEndpoint(ZenoPaySettings settings, WebhookThrottle throttle, WebhookInbox inbox) {
		this.settings = settings;
		this.throttle = throttle;
		this.inbox = inbox;
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// requests are timed per route like the controllers' (http.server.requests)
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
		// the key is checked first: the gateway calls from a few addresses, so an address
		// budget would throttle it under a sale; only callers failing authentication
		// spend their address's budget
		if (!authentic(request.getHeader("x-api-key"))) {
			refuse(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length == 0 || body.length > MAX_BODY) {
			WebhookProblems.unreadable(response, "A JSON object of at most 64 KiB is required.");
			return;
		}
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			WebhookProblems.unreadable(response, "The body is not valid JSON.");
			return;
		}
		WebhookInbox.Delivery delivery = delivery(json, body, response);
		if (delivery != null) {
			store(delivery, response);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		try {
			throttle.acquire(request.getRemoteAddr());
		}
		catch (TooManyRequestsException ex) {
			WebhookProblems.tooMany(response, ex);
			return;
		}
		log.warn("Refused a ZenoPay webhook without the right key from {}", request.getRemoteAddr());
		WebhookProblems.forbidden(response);
	}

	/** The delivery, or null once a 400 naming the bad field was written. */
	private static WebhookInbox.Delivery delivery(JsonNode json, byte[] body, HttpServletResponse response)
			throws IOException {
		String orderId = json.isObject() && json.path("order_id").isString() ? json.path("order_id").asString().strip()
				: "";
		if (orderId.isEmpty() || orderId.length() > 64 || orderId.indexOf('\u0000') >= 0) {
			WebhookProblems.invalidField(response, "order_id", "required: a string of 1 to 64 characters");
			return null;
		}
		String status = text(json, "payment_status");
		String reference = text(json, "reference");
		// PostgreSQL refuses a NUL in text: a 400 here, not a failed store
		if (status != null && status.indexOf('\u0000') >= 0) {
			WebhookProblems.invalidField(response, "payment_status", NUL);
			return null;
		}
		if (reference != null && reference.indexOf('\u0000') >= 0) {
			WebhookProblems.invalidField(response, "reference", NUL);
			return null;
		}
		return new WebhookInbox.Delivery(orderId, status, reference, new String(body, StandardCharsets.UTF_8),
				PaymentEventLog.fingerprint(body));
	}

	private static String text(JsonNode json, String field) {
		JsonNode n = json.path(field);
		return n.isString() || n.isNumber() ? n.asString() : null;
	}

	private void store(WebhookInbox.Delivery delivery, HttpServletResponse response) throws IOException {
		try {
			String outcome = inbox.store(delivery).get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType("application/json");
			// the outcomes are fixed ASCII words: nothing to escape
			byte[] answer = ("{\"received\":true,\"outcome\":\"" + outcome + "\"}").getBytes(StandardCharsets.US_ASCII);
			response.setContentLength(answer.length);
			response.getOutputStream().write(answer);
		}
		catch (TimeoutException | ExecutionException ex) {
			// not stored (or not known to be): the gateway delivers it again on a non-200
			log.warn("A ZenoPay webhook for {} was not stored: {}", delivery.gatewayOrderId(), ex.toString());
			WebhookProblems.tryAgain(response);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			WebhookProblems.tryAgain(response);
		}
	}

	private boolean authentic(String key) {
		String expected = settings.apiKey();
		return key != null && !expected.isEmpty() && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

}
