package org.hostwright.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hostwright.platform.Languages;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins rewrite e-mail texts per language; mails use them; reset brings the shipped ones
 * back.
 */
class MailTextsTests extends IntegrationTest {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	static final String SUBJECT = "mail.service.ready.subject";

	@Autowired
	Mailer mailer;

	@Autowired
	MailTexts texts;

	@Autowired
	MailCatalog catalog;

	@Autowired
	MailTemplates templates;

	@AfterEach
	void shippedTextsAgain() {
		jdbc.sql("DELETE FROM mail_texts").update();
		templates.forget();
	}

	@Test
	void aSwahiliRewriteReachesSwahiliMailsOnlyAndResetBringsTheShippedTextBack() {
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/emails").body()).contains("id=\"edit-service-ready-sw\"");
		String shipped = subject("sw");
		String english = subject("en");

		var saved = admin.submit("/admin/emails/service-ready?language=sw", "/admin/emails/service-ready?language=sw",
				Map.of(SUBJECT, "Hosting ya {0} iko tayari kabisa!", "action", "save"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(subject("sw")).isEqualTo("Hosting ya duka.co.tz iko tayari kabisa!").isNotEqualTo(shipped);
		assertThat(subject("en")).isEqualTo(english);
		assertThat(admin.get("/admin/emails/service-ready?language=sw").body())
			.contains("Hosting ya {0} iko tayari kabisa!");
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'mail_text.update'").query(Long.class).single())
			.isPositive();

		admin.submit("/admin/emails/service-ready?language=sw", "/admin/emails/service-ready/reset?language=sw",
				Map.of());
		assertThat(subject("sw")).isEqualTo(shipped);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'mail_text.reset'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void aTextWithAPlaceholderTheShippedTextLacksOrAStrayBraceIsRefusedAndNothingIsSaved() {
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var tooMany = admin.submit("/admin/emails/service-ready?language=en", "/admin/emails/service-ready?language=en",
				Map.of(SUBJECT, "Ready: {0} for {3}", "action", "save"));
		assertThat(tooMany.status()).isEqualTo(200);
		assertThat(tooMany.body()).contains("is-invalid", "aria-invalid=\"true\"", "Use only the placeholders",
				"Ready: {0} for {3}");
		var stray = admin.submit("/admin/emails/service-ready?language=en", "/admin/emails/service-ready?language=en",
				Map.of(SUBJECT, "Ready { now", "action", "save"));
		assertThat(stray.body()).contains("is-invalid", "Braces must enclose");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_texts").query(Long.class).single()).isZero();
	}

	@Test
	void thePreviewShowsTheDraftWithoutSavingIt() {
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		var preview = admin.submit("/admin/emails/service-ready?language=fr", "/admin/emails/service-ready?language=fr",
				Map.of(SUBJECT, "Brouillon pour {0}", "action", "preview"));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("id=\"preview-subject\">Brouillon pour duka-la-amina.co.tz<",
				"id=\"preview-frame\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_texts").query(Long.class).single()).isZero();
	}

	@Test
	void aTemplateExpressionInATextIsShownAsWrittenNeverRun() {
		// a literal brace is quoted, as in every message pattern
		texts.save("service-ready", "en",
				Map.of(SUBJECT, "'${T(java.lang.System).getProperty(\"user.home\")}' [[x]] for {0}"), ADMIN);
		assertThat(subject("en")).isEqualTo("${T(java.lang.System).getProperty(\"user.home\")} [[x]] for duka.co.tz");
	}

	@Test
	void everyEmailHasAPreviewInEveryLanguage() {
		assertThat(catalog.kinds()).extracting(MailCatalog.MailKind::template)
			.contains("service-ready", "password-reset", MailCatalog.LAYOUT);
		for (MailCatalog.MailKind kind : catalog.kinds()) {
			for (String language : Languages.SUPPORTED) {
				assertThat(texts.preview(kind.template(), language, Map.of())).as("%s in %s", kind.template(), language)
					.isPresent();
			}
		}
	}

	@Test
	void onlyAdminsReachTheEditorAndUnknownMailsOrLanguagesAreNotFound() {
		assertThat(web().get("/admin/emails").redirectsTo("/login")).isTrue();
		WebSession admin = web();
		admin.signIn(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/emails/no-such-mail?language=en").status()).isEqualTo(404);
		assertThat(admin.get("/admin/emails/service-ready?language=xx").status()).isEqualTo(404);
	}

	@Test
	void theCatalogReadsEveryKeyOfATemplateAndItsSubject() {
		String html = """
				<head><title th:text="#{mail.x.subject(${domain})}">S</title></head>
				<p th:text="#{mail.hello(${name})}"></p><p th:text="#{mail.x.body}"></p><p th:text="#{mail.hello(${name})}"></p>
				""";
		var kind = MailCatalog.parse("x", html, Set.of());
		assertThat(kind.subjectKey()).isEqualTo("mail.x.subject");
		assertThat(kind.keys()).containsExactly("mail.x.subject", "mail.hello", "mail.x.body");

		// keys chosen at run time are named by their prefix
		String dynamicHtml = """
				<!--/* mail-keys: mail.y. */-->
				<head><title th:text="#{__${subjectKey}__}">S</title></head><p th:text="#{mail.hello(${name})}"></p>
				""";
		var dynamic = MailCatalog.parse("y", dynamicHtml,
				Set.of("mail.y.due.subject", "mail.y.due.body", "mail.z.other"));
		assertThat(dynamic.keys()).containsExactly("mail.hello", "mail.y.due.body", "mail.y.due.subject");
		assertThat(dynamic.subjectKey()).isEqualTo("mail.y.due.subject");
	}

	private String subject(String language) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", "Amina");
		model.put("domain", "duka.co.tz");
		model.put("username", "duka");
		model.put("hours", 24);
		model.put("credentialsUrl", "https://example.test/c");
		long id = mailer.send("mailtexts-" + language + "@example.test", "service-ready", model,
				Locale.forLanguageTag(language));
		return renderedSubject(id);
	}

}
