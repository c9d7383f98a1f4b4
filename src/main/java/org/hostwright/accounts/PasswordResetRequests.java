package org.hostwright.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.hostwright.platform.Jobs;
import org.hostwright.platform.ReviveUncounted;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * A password-reset request only enqueues a durable job; the job looks the account up and
 * sends the link. The request therefore does the same work, and takes the same time,
 * whether or not an account uses the address.
 */
@Component
class PasswordResetRequests {

	static final String TASK = "password-reset-request";

	private final Jobs jobs;

	private final OneTimeTask<String> task;

	private final Clock clock;

	PasswordResetRequests(Jobs jobs, @Qualifier("passwordResetRequestTask") OneTimeTask<String> task, Clock clock) {
		this.jobs = jobs;
		this.task = task;
		this.clock = clock;
	}

	void enqueue(String email, Locale locale) {
		jobs.scheduleIfAbsent(task.instance(UUID.randomUUID().toString(), data(email, locale)), Instant.now(clock));
	}

	/** The job's data: the locale's tag, a line break, the e-mail as typed. */
	static String data(String email, Locale locale) {
		return locale.toLanguageTag() + "\n" + email;
	}

	@Configuration(proxyBeanMethods = false)
	static class Task {

		@Bean
		OneTimeTask<String> passwordResetRequestTask(Accounts accounts) {
			return Tasks.oneTime(TASK, String.class)
				.onDeadExecution(new ReviveUncounted<>())
				.execute((instance, ctx) -> {
					String data = instance.getData();
					int nl = data.indexOf('\n');
					accounts.requestPasswordReset(data.substring(nl + 1), Locale.forLanguageTag(data.substring(0, nl)));
				});
		}

	}

}
