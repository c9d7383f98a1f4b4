package org.hostwright.pages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.sites.Markdown;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the information pages. A page nobody has written yet shows the default
 * text of the visitor's language, so a new installation links to something sensible from
 * its first start.
 */
@Service
public class InfoPages {

	static final int MAX_TITLE = 120;

	static final int MAX_BODY = 20_000;

	private final InfoPageRepository pages;

	private final Markdown markdown;

	private final MessageSource messages;

	private final AuditLog audit;

	private final Clock clock;

	InfoPages(InfoPageRepository pages, Markdown markdown, MessageSource messages, AuditLog audit, Clock clock) {
		this.pages = pages;
		this.markdown = markdown;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** The page as an admin wrote it, or its default in {@code locale}. */
	InfoPage page(InfoPageKind kind, Locale locale) {
		return pages.find(kind)
			.orElseGet(() -> new InfoPage(kind, text("pages." + kind.slug() + ".title", locale),
					text("pages." + kind.slug() + ".body", locale), null, null));
	}

	/** The page's body as sanitised HTML. */
	String html(InfoPage page) {
		return markdown.toSafeHtml(page.body());
	}

	@Transactional
	void save(InfoPageKind kind, String title, String body, String adminEmail) {
		List<FieldProblem> problems = new ArrayList<>();
		String cleanTitle = clean(problems, "title", title, MAX_TITLE);
		String cleanBody = clean(problems, "body", body, MAX_BODY);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		pages.save(kind, cleanTitle, cleanBody, Instant.now(clock), adminEmail);
		audit.record("info_page.update", "info_page", kind.slug(), "title=" + cleanTitle);
	}

	@Transactional
	void reset(InfoPageKind kind) {
		pages.delete(kind);
		audit.record("info_page.reset", "info_page", kind.slug(), null);
	}

	private static String clean(List<FieldProblem> problems, String field, String value, int max) {
		String v = value == null ? "" : value.replace("\u0000", "").strip();
		if (v.isEmpty()) {
			problems.add(new FieldProblem(field, "pages.required", "This field is required."));
		}
		else if (v.length() > max) {
			problems.add(new FieldProblem(field, "pages.tooLong", "Use at most " + max + " characters."));
		}
		return v;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
