package org.hostwright.platform;

import java.util.Map;

import org.hostwright.notifications.Mailer;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job runner survives a stop and a start of its context (Spring pauses test contexts
 * that are not in use and restarts them later; a graceful restart does the same): jobs
 * run again afterwards.
 */
class JobsRestartTests extends IntegrationTest {

	@Autowired
	Jobs jobs;

	@Autowired
	Mailer mailer;

	@Test
	void jobsRunAgainAfterAStopAndAStart() {
		jobs.stop();
		assertThat(jobs.isRunning()).isFalse();
		jobs.start();
		assertThat(jobs.isRunning()).isTrue();

		String to = uniqueEmail("restart");
		mailer.send(to, "verify-email",
				Map.of("name", "Restarted", "verifyUrl", "http://localhost/verify-email?token=x"));
		assertThat(mailbox().await(to, "Confirm your e-mail").body()).contains("Restarted");
	}

}
