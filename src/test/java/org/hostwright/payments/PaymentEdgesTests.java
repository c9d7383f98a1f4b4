package org.hostwright.payments;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A declined or expired payment is not a dead end: another number, a new request once the
 * previous one is over (never while it may still be answered), or cancelling the order
 * with its invoice. Web pages and API.
 */
class PaymentEdgesTests extends PaymentTestSupport {

	@Test
	void aRequestStillWaitingIsNeitherSentAgainNorReplacedByAnotherNumberUntilItExpires() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000003").orderUuid();
		String first = pay(buyer, order, null).get("gateway_order_id").asString();
		// the same number again: the request already waiting, no second push
		assertThat(pay(buyer, order, null).get("gateway_order_id").asString()).isEqualTo(first);
		var other = buyer.api().post("/api/orders/" + order + "/pay", ApiClient.json(Map.of("phone", "0684123456")));
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.body()).contains("payments.attempt.stillWaiting");
		var cancel = buyer.api().post("/api/orders/" + order + "/cancel", null);
		assertThat(cancel.status()).isEqualTo(409);
		assertThat(cancel.body()).contains("ordering.cancel.paymentWaiting");
		assertThat(attempts(order)).isEqualTo(1);

		// past its timeout (before the reconciliation got to it): settled with the
		// gateway,
		// then a new request goes to the other number, its provider found from it
		expire(first);
		var again = pay(buyer, order, "0684123456");
		assertThat(again.get("gateway_order_id").asString()).isNotEqualTo(first);
		assertThat(again.get("provider").asString()).isEqualTo("AIRTEL-MONEY");
		assertThat(attemptStatus(first)).isEqualTo("expired");
		awaitOrder(order, "paid");
		assertThat(jdbc.sql("SELECT phone FROM payment_attempts WHERE gateway_order_id = ?")
			.param(again.get("gateway_order_id").asString())
			.query(String.class)
			.single()).isEqualTo("+255684123456");
	}

	@Test
	void aDeclinedOrderIsCancelledWithItsInvoiceWhichKeepsItsNumber() {
		Buyer buyer = buyer();
		Placed placed = checkout(buyer, "0744000002");
		String gid = pay(buyer, placed.orderUuid(), null).get("gateway_order_id").asString();
		awaitOrder(placed.orderUuid(), "failed");
		assertThat(attemptStatus(gid)).isEqualTo("failed");
		String number = buyer.api().get("/api/invoices/" + placed.invoiceId()).json().get("number").asString();

		Buyer stranger = buyer();
		assertThat(stranger.api().post("/api/orders/" + placed.orderUuid() + "/cancel", null).status()).isEqualTo(404);
		var cancelled = buyer.api().post("/api/orders/" + placed.orderUuid() + "/cancel", null);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		var invoice = buyer.api().get("/api/invoices/" + placed.invoiceId()).json();
		assertThat(invoice.get("status").asString()).isEqualTo("cancelled");
		assertThat(invoice.get("number").asString()).isEqualTo(number);

		assertThat(buyer.api().post("/api/orders/" + placed.orderUuid() + "/cancel", null).status()).isEqualTo(409);
		assertThat(buyer.api().post("/api/orders/" + placed.orderUuid() + "/pay", null).status()).isEqualTo(409);
		assertThat(buyer.api().post("/api/orders/not-a-uuid/cancel", null).status()).isEqualTo(404);
	}

	@Test
	void aBadNumberIsA400OnThePhoneField() {
		Buyer buyer = buyer();
		String order = checkout(buyer, "0744000002").orderUuid();
		var bad = buyer.api().post("/api/orders/" + order + "/pay", ApiClient.json(Map.of("phone", "12")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"phone\"");
		var ttcl = buyer.api().post("/api/orders/" + order + "/pay", ApiClient.json(Map.of("phone", "0732345678")));
		assertThat(ttcl.status()).isEqualTo(400);
		assertThat(ttcl.body()).contains("\"field\":\"phone\"", "no mobile money");
		assertThat(attempts(order)).isZero();
	}

	@Test
	void theWaitingPageCountsDownAndOffersAWayOutAndTheFailedPageAnotherNumberOrCancelling() {
		String email = uniqueEmail("edge");
		api().post("/api/auth/register", ApiClient.json(Map.of("name", "Edge", "email", email, "password", PASSWORD)));
		var web = web();
		web.signIn(email, PASSWORD);
		var placed = web.submit("/checkout/hollyn-lite", "/checkout/hollyn-lite", Map.of("phone", "0744000003"));
		String order = placed.location().substring(placed.location().lastIndexOf('/') + 1);
		web.get("/order/" + order);
		web.post("/pay/" + order, Map.of());
		var waiting = web.get("/pay/" + order);
		assertThat(waiting.body()).contains("id=\"pay-countdown\"", "data-expires-at=\"", "id=\"send-again\"",
				"id=\"pay-way-out\"");
		// "send it again" before the request expired: refused, the page says when
		var early = web.post("/pay/" + order, Map.of("phone", "0744000003"));
		assertThat(early.location()).endsWith("/pay/" + order);
		assertThat(attempts(order)).isEqualTo(1);
		var refused = web.post("/pay/" + order, Map.of("phone", "0684123456"));
		assertThat(refused.location()).endsWith("/pay/" + order);
		assertThat(web.get("/pay/" + order).body()).contains("seconds");
		assertThat(attempts(order)).isEqualTo(1);

		// expired: the form to pay from another number, keeping a bad number with its
		// error
		expireAndSettle(order);
		var failed = web.get("/pay/" + order);
		assertThat(failed.body()).contains("id=\"pay-phone\"", "id=\"cancel-order\"", "data-confirm=");
		var bad = web.follow(web.post("/pay/" + order, Map.of("phone", "0732345678")));
		assertThat(bad.body()).contains("is-invalid", "value=\"0732345678\"", "id=\"pay-phone-error\"");

		// cancelling: the order says so, with the cause on its timeline
		var cancelled = web.follow(web.post("/order/" + order + "/cancel", Map.of()));
		assertThat(cancelled.body()).contains("id=\"cancelled-notice\"", "Cancelled by the customer")
			.doesNotContain("id=\"pay-button\"");
	}

	// --- helpers ---

	record Placed(String orderUuid, long invoiceId) {
	}

	private Buyer buyer() {
		return buyer("Edger");
	}

	private Placed checkout(Buyer buyer, String phone) {
		var placed = placeOrder(buyer, phone);
		return new Placed(placed.get("order_uuid").asString(), placed.get("invoice_id").asLong());
	}

	private tools.jackson.databind.JsonNode pay(Buyer buyer, String order, String phone) {
		var r = buyer.api()
			.post("/api/orders/" + order + "/pay", phone == null ? null : ApiClient.json(Map.of("phone", phone)));
		assertThat(r.status()).as(r.body()).isEqualTo(202);
		return r.json();
	}

	/** The attempt was created long ago: past the timeout, whatever the clock says. */
	private void expire(String gid) {
		jdbc.sql("UPDATE payment_attempts SET created_at = ? WHERE gateway_order_id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), gid)
			.update();
	}

	private void expireAndSettle(String order) {
		String gid = jdbc.sql(
				"SELECT a.gateway_order_id FROM payment_attempts a JOIN orders o ON o.id = a.order_id WHERE o.uuid = ?")
			.param(UUID.fromString(order))
			.query(String.class)
			.single();
		expire(gid);
		await().atMost(patience()).until(() -> "expired".equals(attemptStatus(gid)));
	}

	private long attempts(String order) {
		return jdbc.sql("SELECT COUNT(*) FROM payment_attempts a JOIN orders o ON o.id = a.order_id WHERE o.uuid = ?")
			.params(List.of(UUID.fromString(order)))
			.query(Long.class)
			.single();
	}

}
