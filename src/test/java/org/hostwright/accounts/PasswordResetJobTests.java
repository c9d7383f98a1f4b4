package org.hostwright.accounts;

import java.util.Locale;
import java.util.Map;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The reset request does no lookup: it enqueues a job, and the job finds the account and
 * mails the link, so the answer takes the same time whether or not the account exists.
 */
class PasswordResetJobTests extends IntegrationTest {

	@Autowired
	Accounts accounts;

	@Test
	void theRequestTouchesNoAccountItOnlyEnqueues() {
		Accounts lookups = mock(Accounts.class);
		PasswordResetRequests requests = mock(PasswordResetRequests.class);
		SignInThrottle throttle = mock(SignInThrottle.class);
		org.mockito.Mockito.when(throttle.resetRequested(any(), any())).thenReturn(java.util.Optional.empty());
		var controller = new PasswordResetController(lookups, throttle, requests);
		var form = new PasswordResetController.ForgotForm("someone@example.test");
		String view = controller.forgot(form, new BeanPropertyBindingResult(form, "form"), new MockHttpServletRequest(),
				new RedirectAttributesModelMap());
		assertThat(view).isEqualTo("redirect:/login");
		verifyNoInteractions(lookups);
		verify(requests).enqueue(eq("someone@example.test"), any(Locale.class));
	}

	@Test
	void theJobLooksTheAccountUpAndSendsTheLink() {
		String email = uniqueEmail("reset-job");
		accounts.register(NewAccount.customer("Reset Job", email, null, "correct horse battery"));
		var web = web().withHeader("X-Forwarded-For", "192.0.2." + (System.nanoTime() % 200 + 1));
		var sent = web.submit("/password/forgot", "/password/forgot", Map.of("email", email));
		assertThat(sent.status()).isEqualTo(302);
		mailbox().await(email, "Reset your");
		await().atMost(patience())
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?")
				.param(PasswordResetRequests.TASK)
				.query(Long.class)
				.single() == 0);
	}

}
