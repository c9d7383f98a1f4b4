package org.hostwright.platform;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A language is a message bundle: ?lang=sw switches the pages to Swahili and is
 * remembered.
 */
class LanguageWebTests extends IntegrationTest {

	@Test
	void englishIsTheDefault() {
		var page = web().get("/login");
		assertThat(page.body()).contains("lang=\"en\"").contains("Welcome back").contains(">Create account<");
	}

	@Test
	void langSwSwitchesTheChromeAndTheSignInPageAndIsRemembered() {
		WebSession web = web();
		var sw = web.get("/login?lang=sw");
		assertThat(sw.status()).isEqualTo(200);
		assertThat(sw.body()).contains("<html lang=\"sw\"")
			.contains("Karibu tena")
			.contains(">Fungua akaunti<")
			.contains("Vifurushi")
			.contains("Barua pepe")
			.contains("Nenosiri")
			.contains("Hali ya majaribio")
			.doesNotContain("Welcome back");
		assertThat(web.cookie("hw_lang")).isEqualTo("sw");

		// the choice sticks without the parameter; every page of the site follows it
		var again = web.get("/password/forgot");
		assertThat(again.body()).contains("Vifurushi").contains("Weka upya nenosiri lako");

		assertThat(web.get("/login?lang=en").body()).contains("Welcome back");
	}

	@Test
	void theBrowsersLanguageIsUsedUntilOneIsChosen() {
		WebSession swahiliBrowser = web().withHeader("Accept-Language", "sw-TZ,sw;q=0.9,en;q=0.5");
		assertThat(swahiliBrowser.get("/login").body()).contains("Karibu tena");
		assertThat(swahiliBrowser.get("/login?lang=en").body()).contains("Welcome back");
		assertThat(swahiliBrowser.get("/login").body()).contains("Welcome back");
		// a language without translations gets English text
		assertThat(web().withHeader("Accept-Language", "ja").get("/login").body()).contains("Welcome back");
	}

	@Test
	void errorPagesAreTranslatedToo() {
		WebSession web = web();
		web.get("/login?lang=sw");
		var missing = web.get("/password/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Ukurasa haupatikani").contains("Rudi kwenye ukurasa wa mwanzo");
	}

}
