package org.hostwright.notifications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.platform.LanguagePreferences;
import org.hostwright.platform.Links;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many e-mails queued together are the messages {@link Mailer#send} makes one at a time:
 * each in its recipient's saved language, in the outbox in the letters' order, delivered;
 * and none when the caller's transaction rolls back.
 */
class MailerBatchTests extends IntegrationTest {

	@Autowired
	Mailer mailer;

	@Autowired
	Accounts accounts;

	@Autowired
	LanguagePreferences languages;

	@Autowired
	Links links;

	@Autowired
	TransactionTemplate tx;

	@Test
	void lettersQueuedTogetherAreEachInTheRecipientsLanguageInOrderAndDelivered() {
		Account swahili = accounts
			.register(NewAccount.customer("Batch Sw", uniqueEmail("batch-sw"), null, "correct horse battery"));
		languages.remember(swahili.id(), Locale.forLanguageTag("sw"));
		String unknown = uniqueEmail("batch-nobody");
		Map<String, Object> model = MailSamples.model(links, LocalDate.of(2026, 12, 2));

		List<Long> ids = mailer.sendAll(List.of(new Mailer.Letter(swahili.email(), "billing-overdue", model),
				new Mailer.Letter(unknown, "billing-overdue", model)));

		assertThat(ids).hasSize(2);
		assertThat(ids.get(1)).isGreaterThan(ids.get(0));
		assertThat(recipient(ids.get(0))).isEqualTo(swahili.email());
		assertThat(recipient(ids.get(1))).isEqualTo(unknown);
		assertThat(subject(ids.get(0))).startsWith("Ankara INV-2026-000042");
		assertThat(subject(ids.get(1))).startsWith("Invoice INV-2026-000042");
		long alone = mailer.send(unknown, "billing-overdue", model);
		renderedSubject(alone);
		assertThat(message(ids.get(1))).as("the same message as one sent alone").isEqualTo(message(alone));
		mailbox().await(swahili.email(), "Ankara INV-2026-000042");
		mailbox().await(unknown, "Invoice INV-2026-000042");
	}

	@Test
	void nothingIsQueuedWhenTheCallersTransactionRollsBack() {
		String to = uniqueEmail("batch-rollback");
		List<Long> ids = new ArrayList<>();
		tx.executeWithoutResult(s -> {
			ids.addAll(mailer.sendAll(List
				.of(new Mailer.Letter(to, "billing-overdue", MailSamples.model(links, LocalDate.of(2026, 12, 2))))));
			s.setRollbackOnly();
		});
		assertThat(ids).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?")
			.param(to)
			.query(Long.class)
			.single()).isZero();
	}

	private String recipient(long id) {
		return jdbc.sql("SELECT recipient FROM outbox_messages WHERE id = ?").param(id).query(String.class).single();
	}

	private List<String> message(long id) {
		return jdbc.sql("SELECT subject, body_text, body_html, template FROM outbox_messages WHERE id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	private String subject(long id) {
		return jdbc.sql("SELECT subject FROM outbox_messages WHERE id = ?").param(id).query(String.class).single();
	}

}
