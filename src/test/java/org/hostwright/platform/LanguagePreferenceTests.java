package org.hostwright.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.hostwright.notifications.Mailer;
import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language a customer chose follows them: saved at sign-up from the page's language,
 * changed in the profile, the API or the switcher, preferred over the browser's, and used
 * for their e-mails.
 */
class LanguagePreferenceTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Mailer mailer;

	String savedLanguage(String email) {
		return jdbc.sql("SELECT language FROM users WHERE email = ?").param(email).query(String.class).single();
	}

	String lastSubject(String email, String template) {
		return renderedSubject(
				jdbc.sql("SELECT id FROM outbox_messages WHERE recipient = ? AND template = ? ORDER BY id DESC")
					.params(email, template)
					.query(Long.class)
					.list()
					.get(0));
	}

	String signUp(WebSession web, String lang) {
		String email = uniqueEmail("lang-" + lang);
		web.get("/signup?lang=" + lang);
		web.post("/signup", Map.of("name", "Claire", "email", email, "password", PASSWORD));
		return email;
	}

	@Test
	void signingUpOnAFrenchPageSavesFrenchForPagesAndMail() {
		String email = signUp(web(), "fr");
		assertThat(savedLanguage(email)).isEqualTo("fr");
		assertThat(lastSubject(email, "verify-email")).startsWith("Confirmez votre adresse e-mail");

		// another browser asking for English still gets French once the customer signs in
		WebSession english = web().withHeader("Accept-Language", "en-GB,en;q=0.9");
		assertThat(english.get("/login").body()).contains("Welcome back");
		english.signIn(email, PASSWORD);
		var dashboard = english.open("/dashboard");
		assertThat(dashboard.body()).contains("lang=\"fr\"").contains("Tableau de bord").doesNotContain(">Dashboard<");
	}

	@Test
	void theSwitcherSavesTheChoiceOfASignedInCustomer() {
		WebSession web = web();
		String email = signUp(web, "en");
		assertThat(savedLanguage(email)).isEqualTo("en");
		assertThat(web.get("/dashboard?lang=de").body()).contains("lang=\"de\"").contains("Übersicht");
		assertThat(savedLanguage(email)).isEqualTo("de");
		// the switcher offers every language on the page
		assertThat(web.get("/dashboard").body()).contains("Kiswahili").contains("Français").contains("Deutsch");
	}

	@Test
	void theProfileFormSavesTheLanguage() {
		WebSession web = web();
		String email = signUp(web, "en");
		web.get("/account");
		web.post("/account/profile", Map.of("name", "Claire", "email", email, "phone", "", "language", "sw"));
		assertThat(savedLanguage(email)).isEqualTo("sw");
		var profile = web.get("/account");
		assertThat(profile.body()).contains("Akaunti yako")
			.contains("<option value=\"sw\" lang=\"sw\" selected=\"selected\">");
	}

	@Test
	void mailSentOutsideAnyRequestIsInTheRecipientsLanguage() {
		String email = signUp(web(), "sw");
		LocaleContextHolder.resetLocaleContext();
		mailer.send(email, "verify-email", Map.of("name", "Asha", "verifyUrl", "http://localhost/verify"));
		assertThat(lastSubject(email, "verify-email")).startsWith("Thibitisha barua pepe yako");

		// nobody chose a language and there is no page: English, whatever the server's
		// locale
		String stranger = uniqueEmail("nobody");
		mailer.send(stranger, "verify-email", Map.of("name", "Jo", "verifyUrl", "http://localhost/verify"));
		assertThat(lastSubject(stranger, "verify-email")).startsWith("Confirm your e-mail");
	}

	@Test
	void theApiShowsAndChangesTheLanguageAndRefusesUnknownOnes() {
		String email = signUp(web(), "fr");
		ApiClient api = api().signIn(email, PASSWORD);
		assertThat(api.get("/api/me").json().get("language").asText()).isEqualTo("fr");

		var refused = api.put("/api/me", ApiClient.json(Map.of("name", "Claire", "email", email, "language", "xx")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("language");

		var changed = api.put("/api/me", ApiClient.json(Map.of("name", "Claire", "email", email, "language", "de")));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("language").asText()).isEqualTo("de");
		assertThat(savedLanguage(email)).isEqualTo("de");
	}

	@Test
	void apiErrorsFollowAcceptLanguage() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/auth/register"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "fr-LU,fr;q=0.9")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"name\":\"\",\"email\":\"x@example.test\",\"password\":\"p\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("La requête contient des champs non valides.")
			.contains("Ce champ est obligatoire.");
	}

}
