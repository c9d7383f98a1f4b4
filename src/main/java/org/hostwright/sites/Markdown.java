package org.hostwright.sites;

import java.util.List;
import java.util.Map;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * Renders page bodies from Markdown (with GitHub-style tables) and sanitises the result:
 * editors may paste HTML, but nothing that runs script, loads frames or styles the whole
 * page ever reaches a visitor. Site-relative addresses ({@code /contact},
 * {@code /images/x.png}) are written for the site's own host; when the site is shown
 * under {@code /sites/{subdomain}/} on the platform (the POC preview, development) they
 * are rebased there so they keep pointing into the same site. Other modules render their
 * own editable texts (the information pages) with it, so there is one Markdown rule.
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
		.allowAttributes("align")
		.matching(false, "left", "center", "right")
		.onElements("th", "td")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	/** For the site's own host, where {@code /contact} already means the site's page. */
	public String toSafeHtml(String markdown) {
		return toSafeHtml(markdown, "/");
	}

	/**
	 * @param base the path the site is served under: {@code /} or
	 * {@code /sites/{subdomain}/}
	 */
	String toSafeHtml(String markdown, String base) {
		HtmlRenderer renderer = HtmlRenderer.builder()
			.extensions(EXTENSIONS)
			.attributeProviderFactory(context -> new Rebase(base))
			.build();
		String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
		return POLICY.sanitize(html);
	}

	/**
	 * Rewrites {@code /path} (not {@code //host}) in links and images to
	 * {@code base + path}.
	 */
	private record Rebase(String base) implements AttributeProvider {

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			if ("/".equals(base)) {
				return;
			}
			String key = node instanceof Link ? "href" : node instanceof Image ? "src" : null;
			String value = key == null ? null : attributes.get(key);
			if (value != null && value.startsWith("/") && !value.startsWith("//") && !value.startsWith(base)) {
				attributes.put(key, base + value.substring(1));
			}
		}

	}

}
