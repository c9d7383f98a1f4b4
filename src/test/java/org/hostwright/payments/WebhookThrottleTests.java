package org.hostwright.payments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.servlet.http.HttpServletRequest;
import org.hostwright.platform.Jobs;
import org.hostwright.platform.TooManyRequestsException;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
		var controller = new ZenoWebhookController(settings,
				new WebhookThrottle(new PaymentsProperties("", Duration.ofMinutes(3), budget, 1)), inbox);
		HttpServletRequest gateway = mock(HttpServletRequest.class);
		when(gateway.getRemoteAddr()).thenReturn("203.0.113.7");
		byte[] body = "{\"order_id\":\"abc\",\"payment_status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);

		for (int i = 0; i < budget * 10; i++) {
			assertThat(controller.receive(KEY, body, gateway).getStatusCode().value()).isEqualTo(200);
		}
		for (int i = 0; i < budget; i++) {
			assertThat(controller.receive("forged", body, gateway).getStatusCode().value()).isEqualTo(403);
		}
		assertThatThrownBy(() -> controller.receive("forged", body, gateway))
			.isInstanceOf(TooManyRequestsException.class);
		// a refused caller's budget never blocks the gateway's authentic calls from the
		// same address
		assertThat(controller.receive(KEY, body, gateway).getStatusCode().value()).isEqualTo(200);
	}

}
