package org.hostwright.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.internet.MimeMessage;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.States;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	@Bean
	OneTimeTask<Long> outboxDeliveryTask(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp,
			PlatformProperties properties, Clock clock) {
		FailureHandler<Long> retry = new FailureHandler.MaxRetriesFailureHandler<>(MAX_ATTEMPTS - 1,
				new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(30), 2.0), (complete, ops) -> {
					markFailed(jdbc, (Long) complete.getExecution().taskInstance.getData(),
							"gave up after " + MAX_ATTEMPTS + " attempts");
					ops.remove();
				});
		return Tasks.oneTime("outbox-delivery", Long.class).onFailure(retry).execute((instance, ctx) -> {
			long id = instance.getData();
			var row = jdbc
				.sql("SELECT recipient, subject, body_text, body_html, status FROM outbox_messages WHERE id = ?")
				.param(id)
				.query((rs,
						n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getString(5) })
				.optional();
			if (row.isEmpty() || States.fromColumn(OutboxStatus.class, row.get()[4]) != OutboxStatus.QUEUED) {
				return; // already sent, or deleted: nothing to do, never twice
			}
			JavaMailSender sender = smtp.getIfAvailable();
			if (sender == null) {
				jdbc.sql("UPDATE outbox_messages SET status = ? WHERE id = ?")
					.params(OutboxStatus.QUEUED.checkMoveTo(OutboxStatus.HELD).wire(), id)
					.update();
				return;
			}
			String[] m = row.get();
			try {
				MimeMessage mime = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
				helper.setFrom(properties.mailFrom());
				helper.setTo(m[0]);
				helper.setSubject(m[1]);
				if (m[3] != null) {
					helper.setText(m[2], m[3]);
				}
				else {
					helper.setText(m[2]);
				}
				sender.send(mime);
				jdbc.sql(
						"UPDATE outbox_messages SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
					.params(OutboxStatus.QUEUED.checkMoveTo(OutboxStatus.SENT).wire(),
							java.sql.Timestamp.from(Instant.now(clock)), id)
					.update();
			}
			catch (Exception ex) {
				log.warn("Delivery of outbox message {} failed: {}", id, ex.getMessage());
				jdbc.sql("UPDATE outbox_messages SET attempts = attempts + 1, last_error = ? WHERE id = ?")
					.params(truncate(ex.getMessage()), id)
					.update();
				throw new IllegalStateException("SMTP delivery failed", ex);
			}
		});
	}

	private static void markFailed(JdbcClient jdbc, Long id, String why) {
		// only a queued message is being retried: one sent or held meanwhile keeps its
		// status
		jdbc.sql("UPDATE outbox_messages SET status = ?, last_error = ? WHERE id = ? AND status = ?")
			.params(OutboxStatus.QUEUED.checkMoveTo(OutboxStatus.FAILED).wire(), why, id, OutboxStatus.QUEUED.wire())
			.update();
	}

	private static String truncate(String s) {
		return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
	}

}
