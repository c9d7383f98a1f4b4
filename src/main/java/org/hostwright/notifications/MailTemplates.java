package org.hostwright.notifications;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import org.hostwright.platform.Links;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.web.Fmt;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders an e-mail template to a subject, an HTML body and a plain-text alternative.
 * Mail has a template engine of its own: its first message resolver answers the texts
 * admins rewrote ({@link RewrittenTexts}), the second the message bundles.
 */
@Component
class MailTemplates {

	private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

	private static final Pattern BREAK = Pattern.compile("<br\\s*/?>");

	private static final Map<String, String> CLOSING = closing();

	private static final Pattern SPACES = Pattern.compile("[ \\t]+");

	private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private static Map<String, String> closing() {
		Map<String, String> closing = new HashMap<>();
		for (String tag : List.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr")) {
			closing.put("</" + tag + ">", "\n");
		}
		for (String tag : List.of("td", "th", "dt", "dd")) {
			closing.put("</" + tag + ">", " ");
		}
		return Map.copyOf(closing);
	}

	private final SpringTemplateEngine engine;

	/**
	 * The rewritten texts per language, read once for many mails (a billing run renders
	 * thousands of reminders); another node's edit shows within {@link #TEXTS_FRESH},
	 * this node's at once ({@link #forget}).
	 */
	private final LoadingCache<String, Map<String, String>> rewritten;

	static final Duration TEXTS_FRESH = Duration.ofSeconds(10);

	private final PlatformProperties properties;

	private final Links links;

	private final Fmt fmt;

	MailTemplates(MessageSource messages, MailTextRepository rewritten, PlatformProperties properties, Links links,
			Fmt fmt) {
		this.engine = engine(messages);
		this.rewritten = CacheBuilder.newBuilder()
			.expireAfterWrite(TEXTS_FRESH)
			.build(CacheLoader.from(rewritten::forLanguage));
		this.properties = properties;
		this.links = links;
		this.fmt = fmt;
	}

	record Rendered(String subject, String html, String text) {
	}

	private static SpringTemplateEngine engine(MessageSource messages) {
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/");
		templates.setSuffix(".html");
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCharacterEncoding("UTF-8");
		SpringMessageResolver bundles = new SpringMessageResolver();
		bundles.setMessageSource(messages);
		bundles.setOrder(1);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		engine.addMessageResolver(new RewrittenTexts());
		engine.addMessageResolver(bundles);
		return engine;
	}

	/** Renders a mail with the texts admins rewrote for its language. */
	Rendered render(String template, Map<String, Object> model, Locale locale) {
		return render(template, model, locale, rewritten.getUnchecked(locale.getLanguage()));
	}

	/** Drops the cached rewritten texts (after an admin's edit, or a test's cleanup). */
	void forget() {
		rewritten.invalidateAll();
	}

	/**
	 * Renders a mail with the given rewritten texts (an admin's preview before saving).
	 */
	Rendered render(String template, Map<String, Object> model, Locale locale, Map<String, String> texts) {
		Context ctx = new Context(locale);
		ctx.setVariables(model);
		ctx.setVariable(RewrittenTexts.VARIABLE, texts);
		// an agency's mail keeps its own brand (MailBrand); every other mail carries the
		// platform's
		if (!model.containsKey(MailBrand.NAME)) {
			ctx.setVariable(MailBrand.NAME, properties.brandName());
		}
		ctx.setVariable("baseUrl", links.baseUrl());
		// money and dates in the mail are formatted in its language, also when a job
		// sends it
		ctx.setVariable("fmt", fmt);
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		String html;
		try {
			LocaleContextHolder.setLocale(locale);
			html = engine.process("mail/" + template, ctx);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
		Matcher m = TITLE.matcher(html);
		String subject = m.find() ? HtmlUtils.htmlUnescape(m.group(1).strip()) : properties.brandName();
		return new Rendered(subject, html, toText(html));
	}

	/**
	 * A readable plain-text part: the head goes, links keep their address, tags go, blank
	 * runs fold. One pass over the HTML with {@code indexOf} (regular expressions over a
	 * whole mail cost a fifth of its rendering: a billing run makes thousands); only the
	 * much shorter text is folded with patterns.
	 */
	static String toText(String html) {
		StringBuilder out = new StringBuilder(html.length() / 2);
		int i = 0;
		int n = html.length();
		while (i < n) {
			int lt = html.indexOf('<', i);
			int gt = lt < 0 ? -1 : html.indexOf('>', lt + 1);
			if (gt < 0) {
				out.append(html, i, n);
				break;
			}
			out.append(html, i, lt);
			i = gt + 1;
			if (gt == lt + 1) {
				out.append("<>"); // not a tag
				continue;
			}
			String tag = html.substring(lt, i);
			if (tag.equals("<head>")) {
				int end = html.indexOf("</head>", i);
				if (end >= 0) {
					i = end + "</head>".length();
					continue;
				}
			}
			String href = tag.startsWith("<a ") ? href(tag) : null;
			int close = href == null ? -1 : html.indexOf("</a>", i);
			if (close >= 0) {
				appendTags(html.substring(i, close).strip(), out);
				out.append(" (").append(href).append(')');
				i = close + "</a>".length();
				continue;
			}
			out.append(tagText(tag));
		}
		String body = HtmlUtils.htmlUnescape(out.toString());
		body = SPACES.matcher(body).replaceAll(" ");
		body = LINE_EDGES.matcher(body).replaceAll("");
		return BLANK_LINES.matcher(body).replaceAll("\n\n").strip();
	}

	/** A link's inner HTML: its tags replaced, its text kept. */
	private static void appendTags(String html, StringBuilder out) {
		int i = 0;
		while (i < html.length()) {
			int lt = html.indexOf('<', i);
			int gt = lt < 0 ? -1 : html.indexOf('>', lt + 1);
			if (gt < 0 || gt == lt + 1) {
				out.append(html, i, gt < 0 ? html.length() : gt + 1);
				i = gt < 0 ? html.length() : gt + 1;
				continue;
			}
			out.append(html, i, lt).append(tagText(html.substring(lt, gt + 1)));
			i = gt + 1;
		}
	}

	/** The non-empty {@code href="…"} of an opening tag, or null. */
	private static String href(String tag) {
		int start = tag.indexOf("href=\"");
		if (start < 0) {
			return null;
		}
		start += "href=\"".length();
		int end = tag.indexOf('"', start);
		return end > start ? tag.substring(start, end) : null;
	}

	/**
	 * What a tag leaves in the text: a line break ends a line, and so does a paragraph,
	 * block, heading, list item or table row; a table cell or a term ends with a space,
	 * so "Amount" and "15,000 TZS" stay two words; any other tag leaves nothing.
	 */
	private static String tagText(String tag) {
		String lower = tag.toLowerCase(Locale.ROOT);
		if (lower.startsWith("<br") && BREAK.matcher(lower).matches()) {
			return "\n";
		}
		return CLOSING.getOrDefault(lower, "");
	}

}
