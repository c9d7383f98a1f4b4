package org.hostwright.pages;

import java.util.Map;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InfoPagesTests extends IntegrationTest {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	@Test
	void everyPageLinksToTheInformationPagesWhichShowDefaultsUntilWritten() {
		WebSession visitor = web();
		var home = visitor.open("/");
		assertThat(home.body()).contains("id=\"footer-terms\"", "id=\"footer-privacy\"", "id=\"footer-contact\"");
		var privacy = visitor.get("/privacy");
		assertThat(privacy.status()).isEqualTo(200);
		assertThat(privacy.body()).contains("Privacy notice");
		assertThat(visitor.get("/contact?lang=sw").status()).isEqualTo(200);
	}

	@Test
	void anAdminWritesAPageInMarkdownAndResetsItAndScriptNeverReachesVisitors() {
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var refused = admin.submit("/admin/pages/terms", "/admin/pages/terms", Map.of("title", " ", "body", ""));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("is-invalid", "aria-invalid=\"true\"", "This field is required.");

		var saved = admin.submit("/admin/pages/terms", "/admin/pages/terms",
				Map.of("title", "Our terms", "body", "## Rule one\n\nBe **kind**.<script>alert(1)</script>"));
		assertThat(saved.status()).isEqualTo(302);
		var page = web().get("/terms");
		assertThat(page.body()).contains("Our terms", "<h2>Rule one</h2>", "<strong>kind</strong>")
			.doesNotContain("<script>alert");
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'info_page.update'").query(Long.class).single())
			.isPositive();

		admin.submit("/admin/pages/terms", "/admin/pages/terms/reset", Map.of());
		assertThat(web().get("/terms").body()).contains("Terms of service").doesNotContain("Our terms");
	}

	@Test
	void customersCannotEditInformationPages() {
		WebSession visitor = web();
		assertThat(visitor.get("/admin/pages").redirectsTo("/login")).isTrue();
	}

	@Test
	void unknownAddressesAreNotFoundForEveryoneNotTheSignInPage() {
		var anonymous = web().get("/no-such-page-here");
		assertThat(anonymous.status()).isEqualTo(404);
		assertThat(anonymous.body()).contains("error-404");
		assertThat(web().get("/admin/no-such-console-page").status()).isEqualTo(404);
		assertThat(api().get("/api/no-such-endpoint").status()).isEqualTo(404);
		// a known address still asks for sign-in
		assertThat(web().get("/dashboard").redirectsTo("/login")).isTrue();
		assertThat(api().get("/api/me/services").status()).isEqualTo(401);
	}

}
