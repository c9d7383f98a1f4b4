package org.hostwright.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated ZenoPay's memory: the payments it was asked for and how each one ends,
 * chosen by the buyer's phone (the sandbox test numbers), plus the webhook it sends like
 * ZenoPay does.
 */
class ZenoPayLedger {

	private static final Logger log = LoggerFactory.getLogger(ZenoPayLedger.class);

	static final String DECLINED = "0744000002";

	static final String NEVER_COMPLETES = "0744000003";

	static final String NO_WEBHOOK = "0744000004";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One payment as the simulator knows it. */
	static final class Payment {

		final String orderId;

		final String phone;

		final long amount;

		final String webhookUrl;

		final JsonNode metadata;

		final String created;

		final String reference = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));

		final String transid = "SIM"
				+ Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase(Locale.ROOT);

		volatile String status = "PENDING";

		Payment(String orderId, String phone, long amount, String webhookUrl, JsonNode metadata, String created) {
			this.orderId = orderId;
			this.phone = phone;
			this.amount = amount;
			this.webhookUrl = webhookUrl;
			this.metadata = metadata;
			this.created = created;
		}

	}

	private final Map<String, Payment> payments = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "zenopay-simulator-timer");
		t.setDaemon(true);
		return t;
	});

	/**
	 * Webhooks go out from several threads, as the real gateway's do: sent one at a time
	 * from the timer, each waited for the platform's answer, and a sale's thousand
	 * payments were confirmed at the pace of one round trip each (the median buyer's
	 * webhook left 48 s after the payment ended).
	 */
	private final ExecutorService senders = Executors.newFixedThreadPool(16, r -> {
		Thread t = new Thread(r, "zenopay-simulator-webhook");
		t.setDaemon(true);
		return t;
	});

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String apiKey;

	private final Duration delay;

	private final Clock clock;

	ZenoPayLedger(String apiKey, Duration delay, Clock clock) {
		this.apiKey = apiKey;
		this.delay = delay;
		this.clock = clock;
	}

	/**
	 * Records a new payment and schedules its ending; false when the order id was already
	 * used.
	 */
	boolean accept(String orderId, String phone, long amount, String webhookUrl, JsonNode metadata) {
		String created = LocalDateTime.now(clock.withZone(ZoneId.of("Africa/Dar_es_Salaam"))).format(DATE);
		Payment p = new Payment(orderId, phone, amount, webhookUrl, metadata, created);
		if (payments.putIfAbsent(orderId, p) != null) {
			return false;
		}
		if (!NEVER_COMPLETES.equals(phone)) {
			timer.schedule(() -> finish(p), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		return true;
	}

	Optional<Payment> find(String orderId) {
		return Optional.ofNullable(payments.get(orderId));
	}

	private void finish(Payment p) {
		if (DECLINED.equals(p.phone)) {
			p.status = "FAILED";
			return;
		}
		p.status = "COMPLETED";
		if (!NO_WEBHOOK.equals(p.phone) && p.webhookUrl != null && !p.webhookUrl.isBlank()) {
			senders.execute(() -> sendWebhook(p));
		}
	}

	private void sendWebhook(Payment p) {
		ObjectNode body = JSON.createObjectNode()
			.put("order_id", p.orderId)
			.put("payment_status", "COMPLETED")
			.put("reference", p.reference);
		body.set("metadata", p.metadata == null ? JSON.createObjectNode() : p.metadata);
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.webhookUrl))
				.header("Content-Type", "application/json")
				.header("x-api-key", apiKey)
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
			log.info("Sandbox ZenoPay: webhook for {} answered {}", p.orderId, r.statusCode());
		}
		catch (Exception ex) {
			// like the real gateway, no documented retry: the platform's reconciliation
			// must cope
			log.warn("Sandbox ZenoPay: webhook for {} failed: {}", p.orderId, ex.toString());
		}
	}

	/** The status body exactly as ZenoPay's order-status endpoint shapes it. */
	ObjectNode statusBody(Payment p) {
		ObjectNode body = JSON.createObjectNode()
			.put("reference", p.reference)
			.put("resultcode", "000")
			.put("result", "SUCCESS")
			.put("message", "Order fetch successful");
		body.putArray("data")
			.addObject()
			.put("order_id", p.orderId)
			.put("creation_date", p.created)
			.put("amount", String.valueOf(p.amount))
			.put("payment_status", p.status)
			.put("channel", channel(p.phone))
			.put("transid", p.transid)
			.put("reference", p.reference)
			.put("msisdn", "255" + p.phone.substring(1));
		return body;
	}

	static String channel(String phone) {
		return switch (phone.substring(1, 3)) {
			case "72", "74", "75", "76", "79" -> "MPESA-TZ";
			case "66", "68", "69", "78" -> "AIRTEL-TZ";
			case "61", "62", "63" -> "HALOPESA-TZ";
			default -> "TIGO-TZ";
		};
	}

	void shutdown() {
		timer.shutdownNow();
		senders.shutdownNow();
	}

}
