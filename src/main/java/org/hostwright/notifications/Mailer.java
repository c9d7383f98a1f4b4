package org.hostwright.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import org.hostwright.platform.Jobs;
import org.hostwright.platform.LanguagePreferences;
import org.hostwright.platform.Languages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends e-mail built from a template in {@code templates/mail/}. The message is stored in
 * the outbox within the caller's transaction and its delivery job is scheduled in the
 * same transaction, so a rolled-back change sends nothing and a committed one is
 * delivered even after a crash.
 */
@Service
public class Mailer {

	private final OutboxRepository outbox;

	private final MailTemplates templates;

	private final Jobs jobs;

	private final OneTimeTask<Long> delivery;

	private final ObjectProvider<JavaMailSender> smtp;

	private final Clock clock;

	private final ObjectProvider<LanguagePreferences> languages;

	Mailer(OutboxRepository outbox, MailTemplates templates, Jobs jobs,
			@Qualifier("outboxDeliveryTask") OneTimeTask<Long> outboxDeliveryTask, ObjectProvider<JavaMailSender> smtp,
			Clock clock, ObjectProvider<LanguagePreferences> languages) {
		this.languages = languages;
		this.outbox = outbox;
		this.templates = templates;
		this.jobs = jobs;
		this.delivery = outboxDeliveryTask;
		this.smtp = smtp;
		this.clock = clock;
	}

	/**
	 * Renders {@code templates/mail/<template>.html} (its {@code <title>} is the subject)
	 * in the recipient's language and queues it: the language the recipient saved, else
	 * the language of the page that caused the e-mail, else English (a job has no page).
	 * @return the outbox message id
	 */
	@Transactional
	public long send(String to, String template, Map<String, Object> model) {
		return send(to, template, model, recipientLocale(to));
	}

	Locale recipientLocale(String to) {
		return languages.stream()
			.findFirst()
			.flatMap(l -> l.ofEmail(to))
			.or(() -> Optional.ofNullable(LocaleContextHolder.getLocaleContext()).map(LocaleContext::getLocale))
			.filter(locale -> Languages.supported(locale).isPresent())
			.orElse(Locale.ENGLISH);
	}

	/** One of many e-mails queued together ({@link #sendAll}). */
	public record Letter(String to, String template, Map<String, Object> model) {
	}

	/**
	 * Queues many e-mails as {@link #send(String, String, Map)} would, each the same
	 * message, with a few statements for all of them instead of several each: the
	 * recipients' languages read together, the outbox rows written in one batch, their
	 * delivery jobs scheduled in one batch. All in the caller's transaction.
	 * @return the outbox message ids, in the letters' order
	 */
	@Transactional
	public List<Long> sendAll(List<Letter> letters) {
		if (letters.isEmpty()) {
			return List.of();
		}
		Map<String, Locale> saved = languages.stream()
			.findFirst()
			.map(l -> l.ofEmails(letters.stream().map(Letter::to).collect(Collectors.toSet())))
			.orElse(Map.of());
		Locale otherwise = fallbackLocale();
		// rendering is the CPU-heavy part (a billing run makes thousands): on every core;
		// the engine is thread-safe and each render sets its own thread's locale
		List<OutboxRepository.NewMessage> messages = letters.parallelStream()
			.map(l -> new OutboxRepository.NewMessage(l.to(),
					templates.render(l.template(), l.model(), saved.getOrDefault(l.to(), otherwise)), l.template()))
			.toList();
		boolean deliverable = smtp.getIfAvailable() != null;
		Instant now = Instant.now(clock);
		List<Long> ids = outbox.insertAll(messages, deliverable ? OutboxStatus.QUEUED : OutboxStatus.HELD, now);
		if (deliverable) {
			jobs.scheduleAll(
					ids.stream().<TaskInstance<?>>map(id -> delivery.instance(String.valueOf(id), id)).toList(), now);
		}
		return ids;
	}

	/** The language of a recipient who saved none: the page's, else English. */
	private static Locale fallbackLocale() {
		return Optional.ofNullable(LocaleContextHolder.getLocaleContext())
			.map(LocaleContext::getLocale)
			.filter(locale -> Languages.supported(locale).isPresent())
			.orElse(Locale.ENGLISH);
	}

	/**
	 * Queues a mail in the given language. A model of plain values (text, numbers, money,
	 * dates) is kept as it is and rendered by the delivery job, so the checkout, payment
	 * or provisioning that sends it does not spend its CPU on templates while customers
	 * wait; any other model is rendered now.
	 */
	@Transactional
	public long send(String to, String template, Map<String, Object> model, Locale locale) {
		boolean deliverable = smtp.getIfAvailable() != null;
		OutboxStatus status = deliverable ? OutboxStatus.QUEUED : OutboxStatus.HELD;
		Instant now = Instant.now(clock);
		long id = MailModels.encode(model)
			.map(json -> outbox.insertUnrendered(to, template, json, locale, status, now))
			.orElseGet(() -> outbox.insert(to, templates.render(template, model, locale), template, status, now));
		if (deliverable) {
			// a new row's id: no job can have it yet, so no read first
			jobs.scheduleAll(List.of(delivery.instance(String.valueOf(id), id)), now);
		}
		return id;
	}

}
