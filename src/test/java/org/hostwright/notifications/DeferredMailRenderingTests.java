package org.hostwright.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hostwright.platform.Money;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail with a plain model commits unrendered with its sender's change and is rendered
 * by its delivery job: the same message, in the language chosen when it was queued.
 */
class DeferredMailRenderingTests extends IntegrationTest {

	@Autowired
	Mailer mailer;

	@Autowired
	MailTemplates templates;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aPlainModelIsRenderedByTheDeliveryJobInTheQueuedLanguage() {
		String to = uniqueEmail("deferred");
		Map<String, Object> model = Map.of("name", "Amina", "planName", "Biashara", "amount",
				Money.of(1_500_000, "TZS"), "reference", "MP-42", "method", "M-Pesa", "orderUuid", "u-1", "orderUrl",
				"https://shop.example/order/u-1");
		Locale swahili = Locale.forLanguageTag("sw");

		long id = tx.execute(s -> {
			long queued = mailer.send(to, "payment-receipt", model, swahili);
			assertThat(row(queued)).as("in the sender's transaction: the model, no text yet")
				.containsEntry("subject", null)
				.containsEntry("locale", "sw")
				.containsEntry("template", "payment-receipt");
			assertThat((String) row(queued).get("model")).contains("1500000").contains("TZS");
			return queued;
		});

		MailTemplates.Rendered expected = templates.render("payment-receipt", model, swahili);
		Mailbox.Received received = mailbox().await(to, expected.subject());
		assertThat(received.body()).contains("M-Pesa").contains("MP-42");
		assertThat(renderedSubject(id)).isEqualTo(expected.subject());
		Map<String, Object> row = row(id);
		assertThat(row.get("body_text")).isEqualTo(expected.text());
		assertThat(row.get("model")).as("the model goes once the text is kept").isNull();
		assertThat(row.get("status")).isEqualTo("sent");
	}

	@Test
	void anyOtherModelIsRenderedWithTheSendersChange() {
		String to = uniqueEmail("eager");
		tx.executeWithoutResult(s -> {
			long id = mailer.send(to, "verify-email",
					Map.of("name", "Amina", "verifyUrl", "https://x.example/v", "extra", List.of("not", "plain")),
					Locale.ENGLISH);
			assertThat(row(id).get("subject")).isNotNull();
			assertThat(row(id).get("model")).isNull();
		});
	}

	@Test
	void aTemplateThatFailsIsAFailedAttemptOfItsDeliveryNotOfTheSendersChange() {
		String to = uniqueEmail("broken");
		long id = mailer.send(to, "no-such-template", Map.of("name", "Amina"), Locale.ENGLISH);

		org.awaitility.Awaitility.await().atMost(patience()).until(() -> (Integer) row(id).get("attempts") >= 1);
		Map<String, Object> row = row(id);
		assertThat(row.get("status")).as("retried later, up to six attempts").isEqualTo("queued");
		assertThat((String) row.get("last_error")).contains("no-such-template");
		assertThat(row.get("subject")).isNull();
	}

	@Test
	void jakartaMailIsToldItsStreamProviderInsteadOfLookingForItOnEveryMessage() {
		assertThat(System.getProperty(OutboxDelivery.STREAM_PROVIDER)).isEqualTo(OutboxDelivery.ANGUS_STREAM_PROVIDER);
		assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
			.isEqualTo(OutboxDelivery.ANGUS_STREAM_PROVIDER);
	}

	private Map<String, Object> row(long id) {
		return jdbc.sql(
				"SELECT subject, body_text, model, locale, template, status, attempts, last_error FROM outbox_messages WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
	}

}
