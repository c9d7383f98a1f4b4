package org.hostwright.payments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.hostwright.platform.Jobs;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The webhook's per-address limit counts refused calls only: the gateway's authentic
 * calls are never throttled.
 */
class WebhookThrottleTests {

	private static final String KEY = "the-merchant-key";

	@Test
	@SuppressWarnings("unchecked")
	void authenticWebhooksBeyondTheAddressBudgetAreAcceptedWhileForgedOnesAreLimited() {
		ZenoPaySettings settings = mock(ZenoPaySettings.class);
		when(settings.apiKey()).thenReturn(KEY);
		PaymentAttempts attempts = mock(PaymentAttempts.class);
		when(attempts.lockByGatewayOrderId(any())).thenReturn(Optional.empty());
		TransactionTemplate tx = mock(TransactionTemplate.class);
		when(tx.execute(any())).thenAnswer(i -> ((TransactionCallback<Object>) i.getArgument(0)).doInTransaction(null));
		OneTimeTask<String> confirm = Tasks.oneTime("payment-confirm", String.class).execute((inst, ctx) -> {
		});
		int budget = 3;
		// not started: it stores each delivery on the caller's thread
		var inbox = new WebhookInbox(attempts, mock(PaymentEventLog.class), mock(Jobs.class), confirm, tx,
				Clock.systemUTC(), mock(WebhookConfirmations.class));
		var endpoint = new ZenoWebhookEndpoint(settings,
				new WebhookThrottle(new PaymentsProperties("", Duration.ofMinutes(3), budget, 1)), inbox);

		for (int i = 0; i < budget * 10; i++) {
			assertThat(post(endpoint, KEY).getStatus()).isEqualTo(200);
		}
		for (int i = 0; i < budget; i++) {
			assertThat(post(endpoint, "forged").getStatus()).isEqualTo(403);
		}
		MockHttpServletResponse limited = post(endpoint, "forged");
		assertThat(limited.getStatus()).isEqualTo(429);
		assertThat(limited.getContentType()).isEqualTo("application/problem+json");
		assertThat(limited.getHeader("Retry-After")).isNotBlank();
		// a refused caller's budget never blocks the gateway's authentic calls from the
		// same address
		assertThat(post(endpoint, KEY).getStatus()).isEqualTo(200);
		// nor does a forged key without a body get further than the key check
		assertThat(post(endpoint, null).getStatus()).isEqualTo(429);
	}

	private static MockHttpServletResponse post(ZenoWebhookEndpoint endpoint, String key) {
		var request = new MockHttpServletRequest("POST", ZenoWebhookEndpoint.PATH);
		request.setRemoteAddr("203.0.113.7");
		request.setContentType("application/json");
		if (key != null) {
			request.addHeader("x-api-key", key);
		}
		request.setContent("{\"order_id\":\"abc\",\"payment_status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8));
		var response = new MockHttpServletResponse();
		try {
			endpoint.doPost(request, response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

}
