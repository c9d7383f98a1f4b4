package org.hostwright.notifications;

import java.util.Collection;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Renders the messages queued with their model instead of their text: the delivery job
 * before it sends one, the outbox pages before they show one held for want of SMTP. A
 * checkout, a payment's confirmation or a provisioning thus commits without spending its
 * CPU on templates while customers wait.
 */
@Component
class OutboxRendering {

	private static final Logger log = LoggerFactory.getLogger(OutboxRendering.class);

	private final OutboxRepository outbox;

	private final MailTemplates templates;

	OutboxRendering(OutboxRepository outbox, MailTemplates templates) {
		this.outbox = outbox;
		this.templates = templates;
	}

	/**
	 * The message the delivery job read, with its subject and bodies: rendered now if it
	 * was not yet, then read back (another node may have rendered it first).
	 */
	OutboxRepository.Outgoing rendered(long id, OutboxRepository.Outgoing row) {
		if (row.rendered()) {
			return row;
		}
		render(id, row.template(), row.model(), row.locale());
		return outbox.outgoing(id).orElseThrow();
	}

	/**
	 * Renders those of these messages that are not yet rendered. One that cannot be
	 * rendered (a template an admin broke) stays as it is: the page still shows the
	 * others, and its delivery job records why.
	 */
	void renderAll(Collection<Long> ids) {
		for (OutboxRepository.Unrendered m : outbox.unrendered(ids)) {
			try {
				render(m.id(), m.template(), m.model(), m.locale());
			}
			catch (RuntimeException ex) {
				log.warn("Outbox message {} could not be rendered: {}", m.id(), ex.getMessage());
			}
		}
	}

	private void render(long id, String template, String model, String locale) {
		outbox.storeRendering(id, templates.render(template, MailModels.decode(model), Locale.forLanguageTag(locale)));
	}

}
