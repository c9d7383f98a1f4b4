package org.hostwright.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.internet.MimeMessage;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.ReviveUncounted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The delivery job: one per outbox message, retried with exponential back-off (up to six
 * tries over about an hour) before the message is marked failed.
 */
@Configuration(proxyBeanMethods = false)
class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	static final int MAX_ATTEMPTS = 6;

	/**
	 * Below provisioning's default 0: in a sale, rendering and sending receipts waits for
	 * the accounts being set up, not the reverse.
	 */
	static final int PRIORITY = -10;

	/** Jakarta Mail's property naming the class of its stream provider. */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	/** The stream provider of Angus Mail, the implementation Spring Boot brings. */
	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	/**
	 * Names Angus Mail's stream provider to Jakarta Mail. Without the name, Jakarta Mail
	 * 2.1 asks the {@link java.util.ServiceLoader} for it on every message, multipart and
	 * body part it builds (jakartaee/mail-api#699, #861): 60 % of a delivery's CPU, and
	 * the largest single cost of a sale that sends its e-mail. With it, one class lookup
	 * the class loader caches. A name set by the operator is kept.
	 */
	static void nameStreamProvider(ClassLoader loader) {
		if (System.getProperty(STREAM_PROVIDER) == null
				&& org.springframework.util.ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, loader)) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

	@Bean
	OneTimeTask<Long> outboxDeliveryTask(OutboxRepository outbox, OutboxRendering rendering,
			ObjectProvider<JavaMailSender> smtp, PlatformProperties properties, Clock clock) {
		FailureHandler<Long> retry = new FailureHandler.MaxRetriesFailureHandler<>(MAX_ATTEMPTS - 1,
				new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0), (complete, ops) -> {
					outbox.markFailed((Long) complete.getExecution().taskInstance.getData(),
							"gave up after " + MAX_ATTEMPTS + " attempts");
					ops.remove();
				});
		nameStreamProvider(OutboxDelivery.class.getClassLoader());
		return Tasks.oneTime("outbox-delivery", Long.class)
			.defaultPriority(PRIORITY)
			.onFailure(retry)
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, ctx) -> {
				long id = instance.getData();
				var row = outbox.outgoing(id);
				if (row.isEmpty() || row.get().status() != OutboxStatus.QUEUED) {
					return; // already sent, or deleted: nothing to do, never twice
				}
				JavaMailSender sender = smtp.getIfAvailable();
				if (sender == null) {
					outbox.hold(id);
					return;
				}
				try {
					// a message queued with its model is rendered here, once (a retry
					// finds it rendered); a template that fails counts as a failed
					// attempt
					OutboxRepository.Outgoing m = rendering.rendered(id, row.get());
					MimeMessage mime = sender.createMimeMessage();
					MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
					helper.setFrom(properties.mailFrom());
					helper.setTo(m.recipient());
					helper.setSubject(m.subject());
					if (m.bodyHtml() != null) {
						helper.setText(m.bodyText(), m.bodyHtml());
					}
					else {
						helper.setText(m.bodyText());
					}
					sender.send(mime);
					outbox.markSent(id, Instant.now(clock));
				}
				catch (Exception ex) {
					log.warn("Delivery of outbox message {} failed: {}", id, ex.getMessage());
					outbox.recordFailedAttempt(id, truncate(ex.getMessage()));
					throw new IllegalStateException("Delivery failed", ex);
				}
			});
	}

	private static String truncate(String s) {
		return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
	}

}
