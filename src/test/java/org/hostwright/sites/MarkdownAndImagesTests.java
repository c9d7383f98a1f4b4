package org.hostwright.sites;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pure rules of the website editor: Markdown tables and rebased links, image types from
 * their bytes.
 */
class MarkdownAndImagesTests {

	private final Markdown markdown = new Markdown();

	@Test
	void tablesRenderAndSurviveTheSanitiser() {
		String html = markdown.toSafeHtml("| A | B |\n|:--|--:|\n| 1 | <script>x</script>2 |\n");
		assertThat(html).contains("<table>")
			.contains("<th align=\"left\">A</th>")
			.contains("<td align=\"right\">2</td>")
			.doesNotContain("<script");
	}

	@Test
	void siteRelativeAddressesAreRebasedOnlyInPathMode() {
		String source = "[c](/contact) [h](/) ![i](/images/a.png) [x](https://example.org/) [p](//cdn.example/x) [r](about)";
		assertThat(markdown.toSafeHtml(source)).contains("href=\"/contact\"").contains("src=\"/images/a.png\"");
		String path = markdown.toSafeHtml(source, "/sites/shop/");
		assertThat(path).contains("href=\"/sites/shop/contact\"")
			.contains("href=\"/sites/shop/\"")
			.contains("src=\"/sites/shop/images/a.png\"")
			.contains("href=\"https://example.org/\"")
			.contains("href=\"about\"")
			.doesNotContain("/sites/shop//cdn");
	}

	@Test
	void imageTypesComeFromTheFirstBytes() {
		assertThat(SiteImages.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }))
			.contains("image/png");
		assertThat(SiteImages.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains("image/jpeg");
		assertThat(SiteImages.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
		assertThat(SiteImages.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains("image/webp");
		assertThat(SiteImages.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(SiteImages.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(SiteImages.sniff(new byte[] { (byte) 0x89, 'P' })).isEmpty();
	}

}
