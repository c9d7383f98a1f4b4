package org.hostwright.payments;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.hostwright.payments.PaymentGateway.GatewayStatus.State;
import org.hostwright.payments.PaymentGateway.PushRequest;
import org.hostwright.platform.Links;
import org.hostwright.platform.OutsideCalls;
import org.hostwright.platform.SandboxMode;
import org.hostwright.sandbox.ZenoPaySimulator;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The real ZenoPay client against the sandbox simulator on loopback. */
class ZenoPayClientTests extends IntegrationTest {

	@Autowired
	ZenoPayClient client;

	@Autowired
	ZenoPaySettings settings;

	@Autowired
	ZenoPaySimulator simulator;

	@Autowired
	SandboxMode sandbox;

	@Autowired
	Links links;

	@Autowired
	OutsideCalls calls;

	@Test
	void pushCompletesAndTheStatusCallReportsItWithTheChannelAndAmount() {
		String id = push("0754123456", 15_000);
		assertThat(client.status(id).state()).isEqualTo(State.PENDING);
		await().atMost(Duration.ofSeconds(10)).until(() -> client.status(id).state() == State.COMPLETED);
		var status = client.status(id);
		assertThat(status.channel()).isEqualTo("MPESA-TZ");
		assertThat(status.amountWholeUnits()).isEqualTo(15_000L);
		assertThat(status.reference()).isNotBlank();
		assertThat(status.raw()).contains("\"resultcode\":\"000\"").contains("\"msisdn\":\"255754123456\"");
	}

	@Test
	void declinedNumberEndsFailedAndTheNeverCompletingOneStaysPending() {
		String declined = push("0744000002", 1_000);
		String never = push("0744000003", 1_000);
		await().atMost(Duration.ofSeconds(10)).until(() -> client.status(declined).state() == State.FAILED);
		assertThat(client.status(never).state()).isEqualTo(State.PENDING);
	}

	@Test
	void unknownOrderIsNeitherPaidNorFailed() {
		assertThat(client.status(UUID.randomUUID().toString()).state()).isEqualTo(State.UNKNOWN);
	}

	@Test
	void wrongKeyIsRefusedWithTheGatewaysMessage() {
		ZenoPayClient wrong = new ZenoPayClient(settings.withApiKey("not-the-key"), calls);
		assertThatThrownBy(() -> wrong.start(request(UUID.randomUUID().toString(), "0712345678", 1000)))
			.isInstanceOf(GatewayException.class)
			.hasMessageContaining("Invalid API key")
			.matches(ex -> ((GatewayException) ex).refused());
		assertThatThrownBy(() -> wrong.status("x")).isInstanceOf(GatewayException.class);
	}

	@Test
	void badRequestsAreRefusedNotGuessed() {
		String id = UUID.randomUUID().toString();
		// the simulator is strict: the national 07 form only, like ZenoPay documents
		assertThatThrownBy(() -> client.start(request(id, "255712345678", 1000))).isInstanceOf(GatewayException.class)
			.hasMessageContaining("buyer_phone");
		client.start(request(id, "0712345678", 1000));
		assertThatThrownBy(() -> client.start(request(id, "0712345678", 1000))).hasMessageContaining("Duplicate");
	}

	@Test
	void unreachableGatewayIsADefiniteRefusal() {
		var settingsDown = new ZenoPaySettings(sandbox, links, "http://127.0.0.1:9", "k", "", Duration.ofSeconds(1),
				Duration.ofSeconds(1));
		assertThatThrownBy(() -> new ZenoPayClient(settingsDown, calls).start(request("a", "0712345678", 1)))
			.isInstanceOf(GatewayException.class)
			.matches(ex -> ((GatewayException) ex).refused());
	}

	@Test
	void statusNamesAreMappedTolerantly() {
		assertThat(ZenoPayClient.state("completed")).isEqualTo(State.COMPLETED);
		assertThat(ZenoPayClient.state("CANCELLED")).isEqualTo(State.FAILED);
		assertThat(ZenoPayClient.state("PENDING")).isEqualTo(State.PENDING);
		assertThat(ZenoPayClient.state("something new")).isEqualTo(State.UNKNOWN);
	}

	private String push(String phone, long amount) {
		String id = UUID.randomUUID().toString();
		client.start(request(id, phone, amount));
		assertThat(simulator.paymentStatus(id)).isPresent();
		return id;
	}

	private static PushRequest request(String id, String phone, long amount) {
		return new PushRequest(id, "Neema Test", "neema@example.test", phone, amount, Map.of("test", "yes"));
	}

}
