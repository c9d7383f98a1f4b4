package org.hostwright.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files are linked by a hash of their content and cached for a year; pages are
 * compressed.
 */
class StaticAssetsTests extends IntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void pagesLinkContentHashedFilesThatMayBeCachedForAYear() throws Exception {
		String home = get("/", null).body();
		Matcher css = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(home);
		assertThat(css.find()).as("hashed stylesheet link in %s", home).isTrue();
		assertThat(home).containsPattern("src=\"/js/app-[0-9a-f]{32}\\.js\"");
		var file = get(css.group(1), null);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
	}

	@Test
	void pagesAreCompressedForClientsThatAcceptIt() throws Exception {
		var page = get("/plans", "gzip");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	private HttpResponse<String> get(String path, String encoding) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (encoding != null) {
			request.header("Accept-Encoding", encoding);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
