package org.hostwright.sites;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * Renders page bodies from Markdown and sanitises the result: editors may paste HTML, but nothing
 * that runs script, loads frames or styles the whole page ever reaches a visitor. Other modules render
 * their own editable texts (the information pages) with it, so there is one Markdown rule.
 */
@Component
public class Markdown {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder().allowCommonBlockElements()
		.allowCommonInlineFormattingElements()
		.allowElements("a", "img", "pre", "code", "hr", "br", "blockquote", "table", "thead", "tbody", "tr", "th", "td")
		.allowUrlProtocols("http", "https", "mailto", "tel")
		.allowAttributes("href", "title")
		.onElements("a")
		.allowAttributes("src", "alt", "title", "width", "height")
		.onElements("img")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().build();

	public String toSafeHtml(String markdown) {
		String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
		return POLICY.sanitize(html);
	}

}
