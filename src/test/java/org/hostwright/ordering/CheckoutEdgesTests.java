package org.hostwright.ordering;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout shows every problem at once and keeps what was typed (never the password);
 * "sign in to continue your order" comes back to the same checkout; a failed sign-in
 * keeps the e-mail; the panel-server form reports every field at once.
 */
class CheckoutEdgesTests extends IntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Test
	void everyFieldIsCheckedAtOnceAndWhatWasTypedComesBackButThePassword() {
		WebSession web = web();
		var page = web.submit("/checkout/hollyn-lite", "/checkout/hollyn-lite", Map.of("name", " ", "email",
				"not-an-address", "phone", "12", "domain", "bad domain!", "password", "tiny-pw"));
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		for (String field : new String[] { "name", "email", "phone", "domain", "password" }) {
			assertThat(body).as(field)
				.containsPattern("id=\"" + field + "\"[^>]*is-invalid|is-invalid[^>]*id=\"" + field + "\"");
		}
		assertThat(body).contains("value=\"not-an-address\"", "value=\"12\"", "value=\"bad domain!\"")
			.doesNotContain("tiny-pw");
	}

	@Test
	void signInToContinueTheOrderComesBackToTheSameCheckoutWithPlanAndDomainKept() {
		String email = uniqueEmail("returning");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "Returning", "email", email, "password", PASSWORD)));
		WebSession web = web();
		var taken = web.submit("/checkout/hollyn-boost", "/checkout/hollyn-boost", Map.of("name", "Returning", "email",
				email, "phone", "0754123456", "domain", "kept-domain.co.tz", "password", PASSWORD));
		assertThat(taken.body()).contains("id=\"email-taken\"");
		String link = href(taken.body(), "sign-in-to-continue");
		assertThat(link).startsWith("/login?continue=");
		String target = URLDecoder.decode(link.substring("/login?continue=".length()), StandardCharsets.UTF_8);
		assertThat(target).isEqualTo("/checkout/hollyn-boost?phone=0754123456&domain=kept-domain.co.tz");

		// a wrong password first: the e-mail stays in the form, the way back too
		var login = web.get(link);
		assertThat(login.body()).contains("name=\"continue\"");
		var failed = web.post("/login", Map.of("email", email, "password", "wrong password!", "continue", target));
		assertThat(failed.location()).contains("/login?error&continue=");
		var again = web.get(failed.location());
		assertThat(again.body()).contains("value=\"" + email + "\"", "id=\"login-error\"", "name=\"continue\"");
		// shown once, not forever
		assertThat(web.get("/login").body()).doesNotContain("value=\"" + email + "\"");

		var signedIn = web.post("/login", Map.of("email", email, "password", PASSWORD, "continue", target));
		assertThat(signedIn.location()).endsWith(target);
		var checkout = web.get(target);
		assertThat(checkout.body()).contains("value=\"kept-domain.co.tz\"", "value=\"0754123456\"",
				"id=\"checkout-plan\">Hollyn Boost<");
	}

	@Test
	void aContinueToAnotherSiteIsIgnored() {
		String email = uniqueEmail("redirect");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "Redirect", "email", email, "password", PASSWORD)));
		for (String evil : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example" }) {
			WebSession web = web();
			web.get("/login");
			var page = web.post("/login", Map.of("email", email, "password", PASSWORD, "continue", evil));
			assertThat(page.location()).as(evil).endsWith("/dashboard");
		}
	}

	@Test
	void thePanelServerFormReportsEveryFieldAtOnceAndKeepsWhatWasTyped() {
		WebSession admin = web();
		admin.signIn("admin@hostwright.local", "sandbox-admin-2026");
		var invalid = admin.submit("/admin/servers/new", "/admin/servers",
				Map.of("name", "", "adminUrl", "ftp://nope", "authType", "key", "apiUser", "", "secret", ""));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body().split("is-invalid", -1).length - 1).isGreaterThanOrEqualTo(4);
		assertThat(invalid.body()).contains("value=\"ftp://nope\"");
	}

	private static String href(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"" + id + "\"")
			.matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
	}

}
