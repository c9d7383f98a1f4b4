package org.hostwright.agency;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving edges (issue 12): drafts are private until the POC is ready, {@code www.} twins
 * of live domains, unknown hosts, Markdown tables and site-relative links in path mode,
 * image uploads.
 */
class SiteServingEdgesTests extends AgencyTestSupport {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
			'D', 'R' };

	@Test
	void aDraftIsNotPublicOnItsPathOrSubdomainUntilItsPocIsReady() throws Exception {
		JsonNode site = createSite(unique("Brouillon"));
		String sub = site.get("subdomain").asString();
		assertThat(web().get("/sites/" + sub + "/").status()).isEqualTo(404);
		assertThat(getWithHost(sub + ".sites.localhost", "/").status()).isEqualTo(404);
		// the admin building it still sees it on the platform
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/sites/" + sub + "/").status()).isEqualTo(200);

		action(site.get("id").asLong(), "mark-poc-ready", "{}");
		assertThat(web().get("/sites/" + sub + "/").status()).isEqualTo(200);
		assertThat(getWithHost(sub + ".sites.localhost", "/").status()).isEqualTo(200);
	}

	@Test
	void wwwOfALiveDomainIsTheSameSiteAndAnUnknownHostGetsANeutralPage() throws Exception {
		long apex = siteAt("accepted");
		String domain = uniqueDomain("apex");
		assertThat(action(apex, "go-live", "{\"domain\":\"" + domain + "\"}").status()).isEqualTo(200);
		String name = admin().get("/api/admin/hosting/sites/" + apex).json().get("business_name").asString();
		assertThat(getWithHost(domain, "/").body()).contains(name);
		var www = getWithHost("www." + domain, "/");
		assertThat(www.status()).isEqualTo(200);
		assertThat(www.body()).contains(name);

		// and the other way round: a site live on www. answers on the bare domain
		long withWww = siteAt("accepted");
		String other = uniqueDomain("twin");
		assertThat(action(withWww, "go-live", "{\"domain\":\"www." + other + "\"}").status()).isEqualTo(200);
		assertThat(getWithHost(other, "/").status()).isEqualTo(200);

		var unknown = getWithHost("nobody-" + System.nanoTime() + ".example.org", "/");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("No site here")
			.doesNotContain("/plans")
			.doesNotContain("name=\"password\"");
		assertThat(getWithHost("unknown-" + System.nanoTime() + ".example.org", "/login").status()).isEqualTo(404);
		assertThat(getWithHost("sites.localhost", "/").status()).isEqualTo(404);
		// the platform's own names are untouched
		assertThat(getWithHost("localhost:" + port, "/login").status()).isEqualTo(200);
		assertThat(getWithHost("127.0.0.1:" + port, "/login").status()).isEqualTo(200);
	}

	@Test
	void markdownTablesRenderAndSiteRelativeLinksStayInsideTheSiteInPathMode() throws Exception {
		JsonNode site = createSite(unique("Tableau"));
		String sub = site.get("subdomain").asString();
		long storeId = site.get("store_id").asLong();
		action(site.get("id").asLong(), "mark-poc-ready", "{}");
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var saved = admin.submit("/admin/websites/" + storeId + "/pages/new", "/admin/websites/" + storeId + "/pages",
				Map.of("title", "Prices", "slug", "prices", "bodyMarkdown", """
						| Bread | Price |
						|:------|------:|
						| Baguette | 1.20 |

						See [our contact page](/contact), [the home](/) and ![logo](/images/logo.png).
						Elsewhere: [partner](https://example.org/x) and [relative](contact).
						"""));
		assertThat(saved.status()).isEqualTo(302);

		var path = web().get("/sites/" + sub + "/prices");
		assertThat(path.body()).contains("<table>")
			.contains("<th")
			.contains("<td")
			.contains("Baguette")
			.contains("href=\"/sites/" + sub + "/contact\"")
			.contains("href=\"/sites/" + sub + "/\"")
			.contains("src=\"/sites/" + sub + "/images/logo.png\"")
			.contains("href=\"https://example.org/x\"")
			.contains("href=\"contact\"");
		var host = getWithHost(sub + ".sites.localhost", "/prices");
		assertThat(host.body()).contains("<table>").contains("href=\"/contact\"").contains("src=\"/images/logo.png\"");
	}

	@Test
	void imagesAreUploadedTypeCheckedByContentSizeLimitedAndServedWithTheirType() throws Exception {
		JsonNode site = createSite(unique("Galerie"));
		String sub = site.get("subdomain").asString();
		long storeId = site.get("store_id").asLong();
		action(site.get("id").asLong(), "mark-poc-ready", "{}");
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);

		// named .png but not an image
		var fake = upload(admin, storeId, "photo.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
		assertThat(fake.status()).isEqualTo(200);
		assertThat(fake.body()).contains("id=\"image-error\"").contains("PNG, JPEG, GIF or WebP");
		var tooLarge = new byte[2 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, tooLarge, 0, PNG.length);
		var large = upload(admin, storeId, "big.png", tooLarge);
		assertThat(large.status()).isEqualTo(200);
		assertThat(large.body()).contains("id=\"image-error\"").contains("too large");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM website_images WHERE website_id = ?")
			.param(storeId)
			.query(Long.class)
			.single()).isZero();

		// a real PNG header, whatever the file is called
		var ok = upload(admin, storeId, "logo.bin", PNG);
		assertThat(ok.status()).isEqualTo(302);
		String name = jdbc.sql("SELECT name FROM website_images WHERE website_id = ?")
			.param(storeId)
			.query(String.class)
			.single();
		assertThat(name).endsWith(".png");
		assertThat(admin.get("/admin/websites/" + storeId).body()).contains("](/images/" + name + ")");

		var served = web().get("/sites/" + sub + "/images/" + name);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.header("Content-Type")).isEqualTo("image/png");
		assertThat(served.header("Cache-Control")).contains("max-age=").contains("immutable");
		assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(getWithHost(sub + ".sites.localhost", "/images/" + name).status()).isEqualTo(200);
		assertThat(web().get("/sites/" + sub + "/images/nope.png").status()).isEqualTo(404);
	}

	private WebSession.Page upload(WebSession web, long storeId, String filename, byte[] content) throws Exception {
		web.get("/admin/websites/" + storeId);
		String boundary = "----hw" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + web.csrf() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return web.request(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/websites/" + storeId + "/images"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

}
