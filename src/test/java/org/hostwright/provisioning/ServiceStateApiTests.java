package org.hostwright.provisioning;

import java.time.Instant;
import java.util.Map;

import org.hostwright.ordering.OrderView;
import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's service and order answers carry what the pages show: the setup's state
 * and step (one name, lowercase), a panel action not yet confirmed, the open plan change.
 */
class ServiceStateApiTests extends PlanChangeFixtures {

	@Autowired
	ServiceStore store;

	@Test
	void theServiceAndOrderAnswersCarryTheSetupAndThePendingAction() {
		String email = uniqueEmail("state");
		long customer = customer(email);
		OrderView order = paidOrder(customer, domain("state-"));
		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);
		ApiClient api = api().signIn(email, PASSWORD);

		JsonNode ready = api.get("/api/me/services/" + service.id()).json();
		assertThat(ready.path("setup").path("state").asString()).isEqualTo("ready");
		assertThat(ready.path("setup").path("step").asInt()).isEqualTo(3);
		assertThat(ready.path("pending_action").isMissingNode() || ready.path("pending_action").isNull()).isTrue();
		assertThat(ready.path("plan_change").isMissingNode() || ready.path("plan_change").isNull()).isTrue();
		JsonNode orderJson = api.get("/api/orders/" + order.uuid()).json();
		assertThat(orderJson.path("setup").path("state").asString()).isEqualTo("ready");
		assertThat(orderJson.path("setup").path("service_status").asString()).isEqualTo("active");
		assertThat(orderJson.path("setup").path("service_id").asLong()).isEqualTo(service.id());

		// the state between the admin's request and the panel's answer, held still
		store.markPending(service.id(), PanelAction.SUSPEND, "Invoice INV-7 is unpaid", Instant.now());
		JsonNode pending = api.get("/api/me/services").json();
		JsonNode mine = null;
		for (JsonNode item : pending) {
			if (item.path("id").asLong() == service.id()) {
				mine = item;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("pending_action").path("action").asString()).isEqualTo("suspend");
		assertThat(mine.path("pending_action").path("reason").asString()).isEqualTo("Invoice INV-7 is unpaid");
		assertThat(api.get("/api/orders/" + order.uuid()).json().path("setup").path("pending_action").asString())
			.isEqualTo("suspend");
		store.clearPending(service.id());

		// while the account is being set up: one name for the state, step 2
		jdbc.sql("UPDATE services SET status = ? WHERE id = ?")
			.params(ServiceStatus.PROVISIONING.wire(), service.id())
			.update();
		try {
			JsonNode settingUp = api.get("/api/me/services/" + service.id()).json();
			assertThat(settingUp.path("status").asString()).isEqualTo("provisioning");
			assertThat(settingUp.path("setup").path("state").asString()).isEqualTo("setting_up");
			assertThat(settingUp.path("setup").path("step").asInt()).isEqualTo(2);
			assertThat(settingUp.path("setup").path("minutes_left").asLong()).isPositive();
			assertThat(api.get("/api/orders/" + order.uuid()).json().path("setup").path("state").asString())
				.isEqualTo("setting_up");
		}
		finally {
			jdbc.sql("UPDATE services SET status = ? WHERE id = ?")
				.params(ServiceStatus.ACTIVE.wire(), service.id())
				.update();
		}
	}

	@Test
	void theServiceAnswerCarriesItsOpenPlanChange() {
		String email = uniqueEmail("state-plan");
		long customer = customer(email);
		String lite = plan("Lite", 2_500_000, "TZS", "MONTHLY", "Hollyn Lite");
		String boost = plan("Boost", 4_000_000, "TZS", "MONTHLY", "Hollyn Boost");
		HostingService service = activeService(customer, lite);
		ApiClient api = api().signIn(email, PASSWORD);
		api.post("/api/me/services/" + service.id() + "/plan", ApiClient.json(Map.of("plan_slug", boost)));
		JsonNode json = api.get("/api/me/services/" + service.id()).json();
		assertThat(json.path("plan_change").path("status").asString()).isEqualTo("awaiting_payment");
		assertThat(json.path("plan_change").path("charge_cents").asLong()).isPositive();
		assertThat(json.path("plan_change").path("invoice_id").asLong()).isPositive();
	}

}
