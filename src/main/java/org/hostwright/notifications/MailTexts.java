package org.hostwright.notifications;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.Languages;
import org.hostwright.platform.Links;
import org.hostwright.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins rewrite the text of every e-mail per language. The shipped text (the message
 * bundle) stays the default; a rewritten text is a message pattern with the same
 * arguments ({@code {0}}…), checked before it is saved, so a mail can never fail to
 * render because of an admin's edit; "reset" deletes the rewritten texts.
 */
@Service
class MailTexts {

	private static final Logger log = LoggerFactory.getLogger(MailTexts.class);

	static final int MAX_TEXT = 2_000;

	/** One text of an e-mail, as the editor shows it. */
	record Text(String key, String shipped, String rewritten, List<String> sharedWith) {

		public String current() {
			return rewritten == null ? shipped : rewritten;
		}

		public boolean isRewritten() {
			return rewritten != null;
		}

	}

	/**
	 * A line of the list of e-mails: the subject's shipped text and the languages
	 * rewritten.
	 */
	record Entry(String template, String subject, List<String> rewrittenIn) {
	}

	private final MailCatalog catalog;

	private final MailTextRepository texts;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final AuditLog audit;

	private final Links links;

	private final Clock clock;

	MailTexts(MailCatalog catalog, MailTextRepository texts, MailTemplates templates, MessageSource messages,
			AuditLog audit, Links links, Clock clock) {
		this.catalog = catalog;
		this.texts = texts;
		this.templates = templates;
		this.messages = messages;
		this.audit = audit;
		this.links = links;
		this.clock = clock;
	}

	List<Entry> entries(Locale locale) {
		Map<String, List<String>> languagesByKey = new HashMap<>();
		for (Map.Entry<String, String> row : texts.rewritten()) {
			languagesByKey.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
		}
		return catalog.kinds().stream().map(kind -> {
			List<String> rewrittenIn = Languages.SUPPORTED.stream()
				.filter(lang -> kind.keys()
					.stream()
					.anyMatch(key -> languagesByKey.getOrDefault(key, List.of()).contains(lang)))
				.toList();
			String subject = kind.subjectKey() == null ? null
					: shipped(kind.subjectKey(), locale).replaceAll("\\{\\d+[^}]*}", "…");
			return new Entry(kind.template(), subject, rewrittenIn);
		}).toList();
	}

	List<Text> texts(String template, String language) {
		MailCatalog.MailKind kind = kind(template);
		Locale locale = locale(language);
		Map<String, String> rewritten = texts.forLanguage(locale.getLanguage());
		return kind.keys()
			.stream()
			.map(key -> new Text(key, shipped(key, locale), rewritten.get(key),
					catalog.templatesUsing(key).stream().filter(t -> !t.equals(template)).toList()))
			.toList();
	}

	/**
	 * Saves the texts of one e-mail in one language: a text left empty or equal to the
	 * shipped one goes back to the shipped text.
	 */
	@Transactional
	void save(String template, String language, Map<String, String> submitted, String adminEmail) {
		MailCatalog.MailKind kind = kind(template);
		Locale locale = locale(language);
		Map<String, String> clean = check(kind, locale, submitted);
		List<String> back = new ArrayList<>();
		Instant now = Instant.now(clock);
		clean.forEach((key, text) -> {
			if (text == null) {
				back.add(key);
			}
			else {
				texts.save(key, locale.getLanguage(), text, now, adminEmail);
			}
		});
		texts.delete(back, locale.getLanguage());
		templates.forget();
		audit.record("mail_text.update", "mail_template", template,
				"language=" + locale.getLanguage() + ", rewritten=" + (clean.size() - back.size()));
	}

	@Transactional
	void reset(String template, String language) {
		MailCatalog.MailKind kind = kind(template);
		Locale locale = locale(language);
		int removed = texts.delete(kind.keys(), locale.getLanguage());
		templates.forget();
		audit.record("mail_text.reset", "mail_template", template,
				"language=" + locale.getLanguage() + ", removed=" + removed);
	}

	/**
	 * The e-mail with made-up data, in the language, with the saved texts and the
	 * {@code draft} over them (empty when the draft does not pass the checks).
	 */
	Optional<MailTemplates.Rendered> preview(String template, String language, Map<String, String> draft) {
		MailCatalog.MailKind kind = kind(template);
		Locale locale = locale(language);
		Map<String, String> merged = new HashMap<>(texts.forLanguage(locale.getLanguage()));
		if (draft != null) {
			check(kind, locale, draft).forEach((key, text) -> {
				if (text == null) {
					merged.remove(key);
				}
				else {
					merged.put(key, text);
				}
			});
		}
		String name = MailCatalog.LAYOUT.equals(template) ? "service-ready" : template;
		try {
			return Optional.of(templates.render(name, MailSamples.model(links, LocalDate.now(clock)), locale, merged));
		}
		catch (RuntimeException ex) {
			// an e-mail whose variables the samples do not cover still saves; it just has
			// no
			// preview
			log.info("No preview for mail {}: {}", template, ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The submitted texts of the e-mail's keys, stripped; {@code null} for a key that
	 * goes back to its shipped text. Throws with one problem per text that is too long,
	 * is not a valid message pattern, or uses an argument the shipped text does not have.
	 */
	private Map<String, String> check(MailCatalog.MailKind kind, Locale locale, Map<String, String> submitted) {
		Map<String, String> clean = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (String key : kind.keys()) {
			if (!submitted.containsKey(key)) {
				continue;
			}
			String text = submitted.get(key) == null ? "" : submitted.get(key).replace("\u0000", "").strip();
			String shipped = shipped(key, locale);
			if (text.isEmpty() || text.equals(shipped)) {
				clean.put(key, null);
				continue;
			}
			if (text.length() > MAX_TEXT) {
				problems.add(new FieldProblem(key, "field.tooLong", "This text is too long."));
				continue;
			}
			try {
				int allowed = arguments(shipped);
				if (arguments(text) > allowed) {
					problems.add(new FieldProblem(key, "mailtexts.error.arguments",
							"Use only the placeholders of the shipped text", placeholders(allowed)));
					continue;
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem(key, "mailtexts.error.pattern",
						"Braces must enclose a placeholder such as {0}"));
				continue;
			}
			clean.put(key, text);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return clean;
	}

	private static int arguments(String pattern) {
		return new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex().length;
	}

	private static String placeholders(int count) {
		if (count == 0) {
			return "—";
		}
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add("{" + i + "}");
		}
		return String.join(" ", names);
	}

	private String shipped(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private MailCatalog.MailKind kind(String template) {
		return catalog.kind(template).orElseThrow(() -> new NotFoundException("mail"));
	}

	private static Locale locale(String language) {
		return Locale
			.forLanguageTag(Languages.supported(language).orElseThrow(() -> new NotFoundException("language")));
	}

}
