package org.hostwright.payments;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The payment path end to end: real client, real simulator, real webhook over HTTP. */
class PaymentFlowTests extends PaymentTestSupport {

	static final String KEY = "sandbox-zenopay-key";

	@Autowired
	Settlement settlement;

	@Test
	void paymentCompletesThroughTheWebhookConfirmedByTheStatusCall() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0754123456");
		var pay = buyer.api().post("/api/orders/" + order + "/pay", null);
		assertThat(pay.status()).isEqualTo(202);
		assertThat(pay.json().get("status").asString()).isEqualTo("pending");
		assertThat(pay.json().get("provider").asString()).isEqualTo("M-PESA");
		String gid = pay.json().get("gateway_order_id").asString();

		awaitOrder(order, "paid");
		var view = buyer.api().get("/api/orders/" + order).json();
		assertThat(view.get("status").asString()).isIn("paid", "active");
		assertThat(view.get("payments").get(0).get("gateway_order_id").asString()).isEqualTo(gid);
		assertThat(view.get("payments").get(0).get("status").asString()).isEqualTo("completed");
		assertThat(view.get("payments").get(0).get("provider").asString()).isEqualTo("M-PESA");
		// the plain-text part keeps label and value apart, and names the order by its
		// short number
		assertThat(mailbox().await(buyer.email(), "Payment receipt").body()).contains("M-PESA")
			.containsPattern("Amount TZS[\\s\\u00A0][0-9,]+")
			.contains("Order " + order.substring(0, 8).toUpperCase(java.util.Locale.ROOT));
		// the simulator's webhook is stored raw, and the status call that confirmed it
		// too
		await().atMost(patience())
			.until(() -> count(
					"SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND event_type = 'webhook'",
					gid) == 1);
		// one row says applied (the webhook, updated to its final state), none is left
		// received
		await().atMost(patience())
			.until(() -> count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND outcome = 'applied'",
					gid) == 1);
		assertThat(count(
				"SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND outcome IN ('received', 'still_pending', 'unconfirmed')",
				gid))
			.isZero();
		assertThat(timelineTo(order, "paid")).isEqualTo(1);
		// confirmed at once on the confirmation threads: its fallback job is gone
		await().atMost(patience()).until(() -> confirmJobs(gid) == 0);
	}

	private long confirmJobs(String gid) {
		return count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'payment-confirm' AND task_instance = ?",
				gid);
	}

	@Test
	void payingTwiceReturnsTheAttemptAlreadyWaiting() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000003");
		String first = buyer.api()
			.post("/api/orders/" + order + "/pay", null)
			.json()
			.get("gateway_order_id")
			.asString();
		String second = buyer.api()
			.post("/api/orders/" + order + "/pay", null)
			.json()
			.get("gateway_order_id")
			.asString();
		assertThat(second).isEqualTo(first);
		assertThat(count("SELECT COUNT(*) FROM payment_attempts a JOIN orders o ON o.id = a.order_id WHERE o.uuid = ?",
				UUID.fromString(order)))
			.isEqualTo(1);
	}

	@Test
	void aLostWebhookIsMadeUpByReconciliation() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000004");
		String gid = pay(buyer, order);
		awaitOrder(order, "paid");
		assertThat(
				count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND event_type = 'webhook'", gid))
			.isZero();
		assertThat(jdbc.sql(
				"SELECT cause FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.uuid = ? AND to_status = 'paid'")
			.param(UUID.fromString(order))
			.query(String.class)
			.single()).contains("status check");
	}

	@Test
	void aDeclinedPaymentFailsTheOrderAndTheCustomerMayTryAgain() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000002");
		String gid = pay(buyer, order);
		awaitOrder(order, "failed");
		assertThat(attemptStatus(gid)).isEqualTo("failed");
		var retry = buyer.api().post("/api/orders/" + order + "/pay", null);
		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.json().get("gateway_order_id").asString()).isNotEqualTo(gid);
	}

	@Test
	void anAttemptThatNeverCompletesExpiresAfterTheTimeout() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000003");
		String gid = pay(buyer, order);
		// still pending well within the timeout
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> "pending".equals(attemptStatus(gid)));
		jdbc.sql("UPDATE payment_attempts SET created_at = ? WHERE gateway_order_id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), gid)
			.update();
		awaitOrder(order, "failed");
		assertThat(attemptStatus(gid)).isEqualTo("expired");
	}

	@Test
	void webhooksWithoutTheKeyAreRefusedAndNotStored() {
		String gid = UUID.randomUUID().toString();
		String body = "{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\",\"reference\":\"X\"}";
		assertThat(webhook(null, body).statusCode()).isEqualTo(403);
		assertThat(webhook("wrong-key", body).statusCode()).isEqualTo(403);
		assertThat(webhook(KEY + "x", body).statusCode()).isEqualTo(403);
		assertThat(count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ?", gid)).isZero();
	}

	@Test
	void malformedWebhooksAreA400NeverA500() {
		assertThat(webhook(KEY, "not json").statusCode()).isEqualTo(400);
		assertThat(webhook(KEY, "").statusCode()).isEqualTo(400);
		assertThat(webhook(KEY, "[]").statusCode()).isEqualTo(400);
		assertThat(webhook(KEY, "{\"payment_status\":\"COMPLETED\"}").statusCode()).isEqualTo(400);
		assertThat(webhook(KEY, "{\"order_id\":42}").statusCode()).isEqualTo(400);
	}

	@Test
	void aWebhookAloneNeverMarksAnythingPaid() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000003");
		String gid = pay(buyer, order);
		var r = webhook(KEY,
				"{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\",\"reference\":\"FORGED\"}");
		assertThat(r.statusCode()).isEqualTo(200);
		await().atMost(patience())
			.until(() -> count(
					"SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND event_type = 'webhook' AND outcome = 'still_pending'",
					gid) == 1);
		assertThat(orderStatus(order)).isEqualTo("pending");
		// no final answer yet: the job stays, due a while later, as the fallback
		assertThat(confirmJobs(gid)).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'payment-confirm' AND task_instance = ?")
			.param(gid)
			.query(java.time.Instant.class)
			.single()).isAfter(java.time.Instant.now().plusSeconds(10));
	}

	@Test
	void duplicatesAndReplaysChangeNothing() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0712345678");
		String gid = pay(buyer, order);
		awaitOrder(order, "paid");
		String body = "{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\",\"reference\":\"R1\"}";
		var first = webhook(KEY, body);
		var again = webhook(KEY, body);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("already_applied");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("duplicate");
		assertThat(count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND payload = ?", gid, body))
			.isEqualTo(1);
		assertThat(timelineTo(order, "paid")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND template = 'payment-receipt'",
				buyer.email()))
			.isEqualTo(1);
	}

	@Test
	void aBurstOfWebhooksIsStoredOnceEachAndEveryPaymentAppliedOnce() throws Exception {
		// orders whose gateway sends no webhook of its own: the burst below is all they
		// get
		List<String> orders = new ArrayList<>();
		List<String> gids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Buyer buyer = buyer();
			String order = checkout(buyer, "0744000004");
			orders.add(order);
			gids.add(pay(buyer, order));
		}
		String run = UUID.randomUUID().toString();
		List<String> bodies = new ArrayList<>();
		for (String gid : gids) {
			bodies.add("{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\",\"reference\":\"A\"}");
			bodies.add("{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\",\"reference\":\"B\"}");
		}
		for (int i = 0; i < 40; i++) {
			bodies.add("{\"order_id\":\"" + run + "-" + i + "\",\"payment_status\":\"COMPLETED\"}");
		}
		List<String> deliveries = new ArrayList<>(bodies);
		deliveries.addAll(bodies.subList(0, 20)); // redelivered: stored once
		java.util.Collections.shuffle(deliveries);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
		try {
			List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (String body : deliveries) {
				answers.add(pool.submit(() -> webhook(KEY, body)));
			}
			int duplicates = 0;
			for (var answer : answers) {
				HttpResponse<String> r = answer.get();
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
				duplicates += r.body().contains("\"duplicate\"") ? 1 : 0;
			}
			assertThat(duplicates).isEqualTo(20);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id LIKE ?", run + "-%"))
			.isEqualTo(40);
		for (int i = 0; i < gids.size(); i++) {
			String gid = gids.get(i);
			assertThat(count(
					"SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND event_type = 'webhook'", gid))
				.isEqualTo(2);
			awaitOrder(orders.get(i), "paid");
			await().atMost(patience())
				.until(() -> count(
						"SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND outcome IN ('received', 'still_pending', 'unconfirmed')",
						gid) == 0);
			assertThat(timelineTo(orders.get(i), "paid")).isEqualTo(1);
		}
	}

	@Test
	void aWebhookArrivingAfterReconciliationPaidTheOrderIsAcknowledgedAndIgnored() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000004");
		String gid = pay(buyer, order);
		awaitOrder(order, "paid");
		var late = webhook(KEY,
				"{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\",\"reference\":\"LATE\"}");
		assertThat(late.statusCode()).isEqualTo(200);
		assertThat(timelineTo(order, "paid")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT payment_reference FROM orders WHERE uuid = ?")
			.param(UUID.fromString(order))
			.query(String.class)
			.single()).isNotEqualTo("LATE");
	}

	@Test
	void aWebhookForAnUnknownOrderIsStoredAndAcknowledged() {
		String gid = UUID.randomUUID().toString();
		var r = webhook(KEY, "{\"order_id\":\"" + gid + "\",\"payment_status\":\"COMPLETED\"}");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("unknown_order");
		assertThat(count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ?", gid)).isEqualTo(1);
	}

	@Test
	void aRefusedPushFailsTheAttemptWithAClearMessage() {
		// 0.50 TZS is zero whole shillings: the gateway refuses it
		long plan = plan("tiny-" + System.nanoTime(), 50);
		Buyer buyer = buyer();
		String order = buyer.api()
			.post("/api/checkout", ApiClient.json(Map.of("plan_slug", slugOf(plan), "phone", "0754123456")))
			.json()
			.get("order_uuid")
			.asString();
		var pay = buyer.api().post("/api/orders/" + order + "/pay", null);
		assertThat(pay.status()).isEqualTo(202);
		assertThat(pay.json().get("status").asString()).isEqualTo("failed");
		assertThat(pay.json().get("message").asString()).contains("amount");
		assertThat(orderStatus(order)).isEqualTo("pending");
		jdbc.sql("UPDATE plans SET active = FALSE WHERE id = ?").param(plan).update();
	}

	@Test
	void payingIsForTheOwnerAndForNumbersWithMobileMoney() {
		Buyer alice = buyer();
		Buyer bob = buyer();
		String order = checkout(alice, "0754123456");
		assertThat(bob.api().post("/api/orders/" + order + "/pay", null).status()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM payment_attempts a JOIN orders o ON o.id = a.order_id WHERE o.uuid = ?",
				UUID.fromString(order)))
			.isZero();
		String ttcl = checkout(alice, "0732345678");
		var refused = alice.api().post("/api/orders/" + ttcl + "/pay", null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"phone\"");
	}

	@Test
	void adminRecordsAManualPaymentOnAPendingOrderAndItIsAudited() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0754123456");
		long price = buyer.api().get("/api/orders/" + order).json().get("price_cents").asLong();
		ApiClient admin = api().signIn("admin@hostwright.local", "sandbox-admin-2026");
		assertThat(buyer.api().post("/api/admin/orders/" + order + "/payments", "{}").status()).isEqualTo(403);
		var wrong = admin.post("/api/admin/orders/" + order + "/payments",
				ApiClient.json(Map.of("reference", "CASH-1", "amount_cents", price + 1)));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("\"field\":\"amount_cents\"");
		var ok = admin.post("/api/admin/orders/" + order + "/payments",
				ApiClient.json(Map.of("reference", "CASH-1", "amount_cents", price)));
		assertThat(ok.status()).isEqualTo(201);
		// provisioning may already have taken the paid order further
		assertThat(ok.json().get("status").asString()).isIn("paid", "active");
		assertThat(admin
			.post("/api/admin/orders/" + order + "/payments",
					ApiClient.json(Map.of("reference", "CASH-2", "amount_cents", price)))
			.status()).isEqualTo(409);
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'payment.manual_recorded' AND object_id = ?",
				order))
			.isEqualTo(1);

		var detail = admin.get("/api/admin/orders/" + order).json();
		assertThat(detail.get("status").asString()).isIn("paid", "active");
		assertThat(detail.get("timeline").get(1).get("to").asString()).isEqualTo("paid");
		assertThat(detail.get("timeline").get(1).get("cause").asString()).contains("manual");
		assertThat(detail.get("payment_events").get(0).get("event_type").asString()).isEqualTo("manual_payment");
		assertThat(detail.get("payment_events").get(0).get("reference").asString()).isEqualTo("CASH-1");
		assertThat(mailbox().await(buyer.email(), "Payment receipt").body()).contains("CASH-1");
	}

	@Test
	void theWaitingPagePollsAJsonStatus() {
		String email = uniqueEmail("poller");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "Poller", "email", email, "password", PASSWORD)));
		var web = web();
		web.signIn(email, PASSWORD);
		var placed = web.submit("/checkout/hollyn-lite", "/checkout/hollyn-lite", Map.of("phone", "0744000003"));
		String order = placed.location().substring(placed.location().lastIndexOf('/') + 1);
		web.get("/order/" + order);
		var started = web.post("/pay/" + order, Map.of());
		assertThat(started.location()).endsWith("/pay/" + order);
		var waiting = web.get("/pay/" + order);
		assertThat(waiting.body()).contains("id=\"pay-waiting\"").contains("/js/payments-"); // content-hashed:
																								// /js/payments-<md5>.js
		var status = web.get("/pay/" + order + "/status");
		assertThat(status.body()).contains("\"order_status\":\"pending\"", "\"payment_status\":\"pending\"",
				"\"paid\":false");
	}

	@Test
	void webhookIngestionAndReconciliationRacingNeitherDeadlockNorApplyTwice() throws Exception {
		List<String> orders = new ArrayList<>();
		List<String> gids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Buyer buyer = buyer();
			String order = checkout(buyer, "0754123456");
			orders.add(order);
			gids.add(pay(buyer, order));
		}
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
		long until = System.nanoTime() + Duration.ofMillis(3500).toNanos();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
		for (int t = 0; t < 6; t++) {
			boolean hooks = t % 2 == 0;
			pool.execute(() -> {
				while (System.nanoTime() < until) {
					int n = seq.incrementAndGet();
					String gid = gids.get(n % gids.size());
					try {
						if (hooks) {
							statuses.add(webhook(KEY, "{\"order_id\":\"" + gid
									+ "\",\"payment_status\":\"COMPLETED\",\"reference\":\"R" + n % 3 + "\"}")
								.statusCode());
						}
						else {
							settlement.confirm(gid, "status check");
						}
					}
					catch (Throwable ex) {
						errors.add(ex);
					}
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(errors).isEmpty();
		assertThat(statuses).isNotEmpty().containsOnly(200);
		for (int i = 0; i < orders.size(); i++) {
			awaitOrder(orders.get(i), "paid");
			assertThat(timelineTo(orders.get(i), "paid")).isEqualTo(1);
			// one row of the payment says applied, whichever delivery (webhook or status
			// check) applied it
			assertThat(count("SELECT COUNT(*) FROM payment_events WHERE gateway_order_id = ? AND outcome = 'applied'",
					gids.get(i)))
				.isEqualTo(1);
		}
	}

	// --- helpers ---

	private Buyer buyer() {
		return buyer("Payer");
	}

	private String checkout(Buyer buyer, String phone) {
		return placeOrder(buyer, phone).get("order_uuid").asString();
	}

	private String pay(Buyer buyer, String order) {
		var r = buyer.api().post("/api/orders/" + order + "/pay", null);
		assertThat(r.status()).as(r.body()).isEqualTo(202);
		return r.json().get("gateway_order_id").asString();
	}

	private HttpResponse<String> webhook(String key, String body) {
		return GatewayWebhooks.post(baseUrl(), key, body, null);
	}

	private long timelineTo(String order, String status) {
		return count(
				"SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.uuid = ? AND e.to_status = ?",
				UUID.fromString(order), status);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	private long plan(String slug, long price) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, ?, 'TZS', 'MONTHLY', TRUE, 9999, ?, ?)""")
			.params(slug, slug, price, now, now)
			.update();
		return jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
	}

	private String slugOf(long plan) {
		return jdbc.sql("SELECT slug FROM plans WHERE id = ?").param(plan).query(String.class).single();
	}

}
