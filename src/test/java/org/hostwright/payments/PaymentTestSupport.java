package org.hostwright.payments;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Buyers, their checkouts and what the payment tests read back: the order's and the
 * attempt's status.
 */
abstract class PaymentTestSupport extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	record Buyer(ApiClient api, String email) {
	}

	/** A customer registered through the API and signed in. */
	Buyer buyer(String name) {
		String email = uniqueEmail(name.toLowerCase(Locale.ROOT));
		api().post("/api/auth/register", ApiClient.json(Map.of("name", name, "email", email, "password", PASSWORD)));
		return new Buyer(api().signIn(email, PASSWORD), email);
	}

	/** The buyer checks out the Lite plan to be paid from {@code phone}: the answer. */
	JsonNode placeOrder(Buyer buyer, String phone) {
		var r = buyer.api().post("/api/checkout", ApiClient.json(Map.of("plan_slug", "hollyn-lite", "phone", phone)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	void awaitOrder(String order, String status) {
		// once paid, provisioning may already have made the order active
		await().atMost(patience())
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status.equals(orderStatus(order))
					|| ("paid".equals(status) && "active".equals(orderStatus(order))));
	}

	String orderStatus(String order) {
		return status("SELECT status FROM orders WHERE uuid = ?", UUID.fromString(order));
	}

	String attemptStatus(String gid) {
		return status("SELECT status FROM payment_attempts WHERE gateway_order_id = ?", gid);
	}

	private String status(String sql, Object key) {
		return jdbc.sql(sql).param(key).query(String.class).single();
	}

}
