package org.hostwright.payments;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

import org.hostwright.payments.PaymentGateway.GatewayStatus.State;
import org.hostwright.platform.OutsideCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * ZenoPay's mobile-money API (Tanzania): {@code POST /payments/mobile_money_tanzania} and
 * {@code GET /payments/order-status}, JSON with the merchant key in {@code x-api-key}.
 * Success is {@code resultcode "000"}; error bodies vary ({@code message}, {@code error},
 * {@code errors}), so they are read defensively. A timeout leaves the outcome unknown
 * rather than failed. Called through {@link OutsideCalls}, which keeps the key out of the
 * logs.
 */
@Component
class ZenoPayClient implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(ZenoPayClient.class);

	private final ZenoPaySettings settings;

	private final OutsideCalls calls;

	private final JsonMapper json;

	ZenoPayClient(ZenoPaySettings settings, OutsideCalls calls) {
		this.settings = settings;
		this.calls = calls;
		this.json = calls.json();
	}

	@Override
	public String name() {
		return "zenopay";
	}

	@Override
	public String label() {
		return "ZenoPay";
	}

	@Override
	public void start(PushRequest r) {
		ObjectNode body = json.createObjectNode()
			.put("order_id", r.gatewayOrderId())
			.put("buyer_email", r.buyerEmail())
			.put("buyer_name", r.buyerName())
			.put("buyer_phone", r.buyerPhone())
			.put("amount", r.amountWholeUnits())
			.put("webhook_url", settings.webhookUrl());
		ObjectNode metadata = body.putObject("metadata");
		r.metadata().forEach(metadata::put);
		ResponseEntity<String> response = send(http -> http.post()
			.uri(URI.create(settings.baseUrl() + "/payments/mobile_money_tanzania"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body), true);
		JsonNode answer = parse(response.getBody());
		boolean ok = response.getStatusCode().is2xxSuccessful()
				&& ("000".equals(text(answer, "resultcode")) || "success".equalsIgnoreCase(text(answer, "status")));
		if (!ok) {
			throw new GatewayException(errorMessage(response.getStatusCode().value(), answer), true, null);
		}
	}

	@Override
	public GatewayStatus status(String gatewayOrderId) {
		ResponseEntity<String> response = send(http -> http.get()
			.uri(URI.create(settings.baseUrl() + "/payments/order-status?order_id="
					+ URLEncoder.encode(gatewayOrderId, StandardCharsets.UTF_8))),
				false);
		String raw = response.getBody() == null ? "" : response.getBody();
		JsonNode answer = parse(raw);
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw new GatewayException(errorMessage(response.getStatusCode().value(), answer), false, null);
		}
		JsonNode data = answer.path("data");
		JsonNode payment = data.isArray() && !data.isEmpty() ? data.get(0) : data.isObject() ? data : null;
		if (!"000".equals(text(answer, "resultcode")) || payment == null) {
			// e.g. an order the gateway does not know (yet): neither paid nor failed
			return new GatewayStatus(State.UNKNOWN, null, null, null, raw);
		}
		String reference = text(payment, "reference") != null ? text(payment, "reference") : text(payment, "transid");
		return new GatewayStatus(state(text(payment, "payment_status")), reference, text(payment, "channel"),
				amount(payment.path("amount")), raw);
	}

	static State state(String status) {
		return switch (status == null ? "" : status.strip().toUpperCase(Locale.ROOT)) {
			case "COMPLETED", "SUCCESS", "SUCCESSFUL", "PAID" -> State.COMPLETED;
			case "PENDING", "PROCESSING", "INITIATED" -> State.PENDING;
			case "FAILED", "CANCELLED", "CANCELED", "REJECTED", "EXPIRED", "DECLINED" -> State.FAILED;
			default -> State.UNKNOWN;
		};
	}

	private ResponseEntity<String> send(Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
			boolean pushing) {
		String key = settings.apiKey();
		if (key.isEmpty()) {
			throw new GatewayException("ZenoPay is not configured: set HOSTWRIGHT_ZENOPAY_API_KEY.", true, null);
		}
		RestClient http = calls.client("zenopay", settings.connectTimeout(), settings.readTimeout());
		try {
			return request.apply(http)
				.header("x-api-key", key)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.toEntity(String.class);
		}
		catch (ResourceAccessException ex) {
			IOException cause = OutsideCalls.failure(ex);
			if (OutsideCalls.Failure.of(cause) == OutsideCalls.Failure.NOT_SENT) {
				throw new GatewayException("ZenoPay could not be reached.", true, cause);
			}
			if (Thread.currentThread().isInterrupted()) {
				throw new GatewayException("Interrupted while calling ZenoPay.", false, cause);
			}
			// the request may have arrived: for a push, only a status call can tell
			log.warn("ZenoPay call failed ({}): {}", pushing ? "push" : "status", cause.toString());
			throw new GatewayException("ZenoPay did not answer in time.", false, cause);
		}
	}

	private JsonNode parse(String body) {
		try {
			return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
		}
		catch (JacksonException ex) {
			return json.createObjectNode();
		}
	}

	private static String errorMessage(int status, JsonNode json) {
		for (String field : new String[] { "message", "error", "errors", "detail" }) {
			JsonNode n = json.path(field);
			if (n.isString() && !n.asString().isBlank()) {
				return n.asString();
			}
			if ((n.isArray() || n.isObject()) && !n.isEmpty()) {
				return n.toString();
			}
		}
		return "ZenoPay answered HTTP " + status + ".";
	}

	private static String text(JsonNode node, String field) {
		JsonNode n = node.path(field);
		return n.isMissingNode() || n.isNull() ? null : n.asString();
	}

	private static Long amount(JsonNode n) {
		if (n.isNumber()) {
			return n.asLong();
		}
		try {
			return n.isString() ? new java.math.BigDecimal(n.asString().strip()).longValue() : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
