package org.hostwright.payments;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.hostwright.payments.PaymentGateway.GatewayStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * ZenoPay's mobile-money API (Tanzania): {@code POST /payments/mobile_money_tanzania} and
 * {@code GET /payments/order-status}, JSON with the merchant key in {@code x-api-key}.
 * Success is {@code resultcode "000"}; error bodies vary ({@code message}, {@code error},
 * {@code errors}), so they are read defensively. A timeout leaves the outcome unknown
 * rather than failed.
 */
@Component
class ZenoPayClient implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(ZenoPayClient.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ZenoPaySettings settings;

	private final HttpClient http;

	ZenoPayClient(ZenoPaySettings settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
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
		ObjectNode body = JSON.createObjectNode()
			.put("order_id", r.gatewayOrderId())
			.put("buyer_email", r.buyerEmail())
			.put("buyer_name", r.buyerName())
			.put("buyer_phone", r.buyerPhone())
			.put("amount", r.amountWholeUnits())
			.put("webhook_url", settings.webhookUrl());
		ObjectNode metadata = body.putObject("metadata");
		r.metadata().forEach(metadata::put);
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/payments/mobile_money_tanzania"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
				true);
		JsonNode json = parse(response.body());
		boolean ok = response.statusCode() / 100 == 2
				&& ("000".equals(text(json, "resultcode")) || "success".equalsIgnoreCase(text(json, "status")));
		if (!ok) {
			throw new GatewayException(errorMessage(response.statusCode(), json), true, null);
		}
	}

	@Override
	public GatewayStatus status(String gatewayOrderId) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/payments/order-status?order_id="
						+ URLEncoder.encode(gatewayOrderId, StandardCharsets.UTF_8)))
					.GET(),
				false);
		JsonNode json = parse(response.body());
		if (response.statusCode() / 100 != 2) {
			throw new GatewayException(errorMessage(response.statusCode(), json), false, null);
		}
		JsonNode data = json.path("data");
		JsonNode payment = data.isArray() && !data.isEmpty() ? data.get(0) : data.isObject() ? data : null;
		if (!"000".equals(text(json, "resultcode")) || payment == null) {
			// e.g. an order the gateway does not know (yet): neither paid nor failed
			return new GatewayStatus(State.UNKNOWN, null, null, null, response.body());
		}
		String reference = text(payment, "reference") != null ? text(payment, "reference") : text(payment, "transid");
		return new GatewayStatus(state(text(payment, "payment_status")), reference, text(payment, "channel"),
				amount(payment.path("amount")), response.body());
	}

	static State state(String status) {
		return switch (status == null ? "" : status.strip().toUpperCase(Locale.ROOT)) {
			case "COMPLETED", "SUCCESS", "SUCCESSFUL", "PAID" -> State.COMPLETED;
			case "PENDING", "PROCESSING", "INITIATED" -> State.PENDING;
			case "FAILED", "CANCELLED", "CANCELED", "REJECTED", "EXPIRED", "DECLINED" -> State.FAILED;
			default -> State.UNKNOWN;
		};
	}

	private HttpResponse<String> send(HttpRequest.Builder request, boolean pushing) {
		String key = settings.apiKey();
		if (key.isEmpty()) {
			throw new GatewayException("ZenoPay is not configured: set HOSTWRIGHT_ZENOPAY_API_KEY.", true, null);
		}
		try {
			return http.send(request.header("x-api-key", key)
				.header("Accept", "application/json")
				.timeout(settings.readTimeout())
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			throw new GatewayException("ZenoPay could not be reached.", true, ex);
		}
		catch (IOException ex) {
			// the request may have arrived: for a push, only a status call can tell
			log.warn("ZenoPay call failed ({}): {}", pushing ? "push" : "status", ex.toString());
			throw new GatewayException("ZenoPay did not answer in time.", false, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException("Interrupted while calling ZenoPay.", false, ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return JSON.createObjectNode();
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
