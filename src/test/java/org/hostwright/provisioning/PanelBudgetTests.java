package org.hostwright.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hostwright.ordering.OrderView;
import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provisioning jobs that meet the panel server's rate limit give their thread back (they
 * are rescheduled for when their calls are due), so payment confirmation never waits
 * behind them.
 */
class PanelBudgetTests extends ProvisioningFixtures {

	@Autowired
	PanelConnector panels;

	@Autowired
	PanelServers servers;

	@Autowired
	ProvisioningProperties properties;

	@Test
	void jobsWaitingForThePanelHoldNoThreadAndPaymentsConfirmMeanwhile() {
		long server = servers.defaultServer().orElseThrow().id();
		long customer = customer(uniqueEmail("budget"));
		// the server's budget is spent about 6 s ahead (5 calls per second): every
		// provisioning job now waits
		int perSecond = properties.rateLimit();
		for (int second = 0; second < 6; second++) {
			assertThat(panels.reserve(server, perSecond, Duration.ofMinutes(1)).granted()).isTrue();
		}
		List<OrderView> paid = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			paid.add(paidOrder(customer, domain("budget-")));
		}
		// more waiting jobs than job threads, yet none of them is running (picked) while
		// it waits
		await().atMost(Duration.ofSeconds(10))
			.until(() -> count(
					"""
							SELECT COUNT(*) FROM scheduled_tasks t JOIN services s ON t.task_instance = CONCAT('service-', CAST(s.id AS VARCHAR(20)))
							WHERE t.task_name = 'service-provisioning' AND s.order_id IN (%s) AND t.picked = FALSE AND t.execution_time > CURRENT_TIMESTAMP"""
						.formatted(ids(paid))) >= 10);

		// a customer pays meanwhile: the confirmation does not queue behind the waiting
		// provisioning
		String email = uniqueEmail("payer");
		api().post("/api/auth/register", ApiClient.json(Map.of("name", "Payer", "email", email, "password", PASSWORD)));
		ApiClient buyer = api().signIn(email, PASSWORD);
		String order = buyer
			.post("/api/checkout", ApiClient.json(Map.of("plan_slug", "hollyn-lite", "phone", "0754123456")))
			.json()
			.get("order_uuid")
			.asString();
		assertThat(buyer.post("/api/orders/" + order + "/pay", null).status()).isEqualTo(202);
		// the simulator completes after 2 s; the waiting jobs would hold the threads for
		// 6 s
		await().atMost(Duration.ofMillis(5500))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("SELECT paid_at FROM orders WHERE uuid = ?")
				.param(UUID.fromString(order))
				.query((rs, n) -> rs.getTimestamp(1) != null)
				.single());

		// and every waiting job gets its booked calls and provisions once the budget
		// allows
		for (OrderView o : paid) {
			HostingService s = awaitService(o.id(), ServiceStatus.ACTIVE);
			assertThat(s.attempts()).isEqualTo(1);
		}
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static String ids(List<OrderView> orders) {
		return String.join(",", orders.stream().map(o -> Long.toString(o.id())).toList());
	}

}
