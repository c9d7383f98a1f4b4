package org.hostwright.accounts;

import java.util.Map;

import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Impersonation, the audit log (page and API) and the outbox, as an admin sees them. */
class AdminConsoleWebTests extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	String admin() {
		String email = uniqueEmail("admin");
		accounts.createAdmin(email, "Ops Admin", PASSWORD);
		return email;
	}

	Account customer(String name) {
		return accounts.register(NewAccount.customer(name, uniqueEmail("cust"), null, PASSWORD));
	}

	WebSession signedIn(String email) {
		WebSession web = web();
		var in = web.signIn(email, PASSWORD);
		assertThat(in.status()).isEqualTo(302);
		return web;
	}

	long audits(String action, String actorEmail, Object objectId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_email = ? AND object_id = ?")
			.params(action, actorEmail, String.valueOf(objectId))
			.query(Long.class)
			.single();
	}

	@Test
	void anAdminSignsInToTheConsole() {
		WebSession web = web();
		var in = web.signIn(admin(), PASSWORD);
		assertThat(in.redirectsTo("/admin")).isTrue();
		var console = web.get("/admin");
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("admin-sidebar").contains("id=\"sandbox-marker\"");
	}

	@Test
	void anAdminImpersonatesACustomerWithABannerAndComesBackBothAudited() {
		String admin = admin();
		Account customer = customer("Imani Customer");
		WebSession web = signedIn(admin);
		web.get("/admin");

		var start = web.post("/admin/impersonate", Map.of("username", customer.email()));
		assertThat(start.redirectsTo("/dashboard")).isTrue();
		var dashboard = web.get("/dashboard");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("id=\"impersonation-banner\"")
			.contains("Viewing as Imani Customer (" + customer.email() + ")")
			.contains("Hello, Imani Customer");
		// while viewing as the customer, the console is closed
		assertThat(web.get("/admin").status()).isEqualTo(403);
		assertThat(audits("impersonation.start", admin, customer.id())).isEqualTo(1);

		var exit = web.post("/admin/impersonate/exit", Map.of());
		assertThat(exit.status()).isEqualTo(302);
		assertThat(web.get("/admin").status()).isEqualTo(200);
		assertThat(web.get("/dashboard").body()).doesNotContain("id=\"impersonation-banner\"");
		assertThat(audits("impersonation.stop", admin, customer.id())).isEqualTo(1);
	}

	@Test
	void actionsWhileImpersonatingAreAuditedAsTheAdmin() {
		String admin = admin();
		Account customer = customer("Viewed Customer");
		WebSession web = signedIn(admin);
		web.get("/admin");
		web.post("/admin/impersonate", Map.of("username", customer.email()));
		var saved = web.submit("/account", "/account/password",
				Map.of("currentPassword", PASSWORD, "newPassword", "changed by support"));
		assertThat(saved.redirectsTo("/account")).isTrue();
		var entry = jdbc.sql(
				"SELECT actor_email, details FROM audit_log WHERE action = 'account.password_changed' AND object_id = ?")
			.param(String.valueOf(customer.id()))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		assertThat(entry[0]).isEqualTo(admin);
		assertThat(entry[1]).contains("while impersonating " + customer.email());
	}

	@Test
	void anotherAdminCanNeverBeImpersonated() {
		String admin = admin();
		String other = admin();
		WebSession web = signedIn(admin);
		web.get("/admin");
		var refused = web.post("/admin/impersonate", Map.of("username", other));
		assertThat(refused.redirectsTo("impersonation=refused")).isTrue();
		var console = web.get("/admin");
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).doesNotContain("id=\"impersonation-banner\"");
		long started = jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE actor_email = ? AND action = 'impersonation.start'")
			.param(admin)
			.query(Long.class)
			.single();
		assertThat(started).isZero();
	}

	@Test
	void aCustomerCannotImpersonateAnyone() {
		Account customer = customer("Curious");
		Account victim = customer("Victim");
		WebSession web = signedIn(customer.email());
		web.get("/dashboard");
		var refused = web.post("/admin/impersonate", Map.of("username", victim.email()));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(web.get("/dashboard").body()).contains("Hello, Curious");
	}

	@Test
	void theAuditPageFiltersByActorActionAndObject() {
		String admin = admin();
		Account customer = customer("Audited");
		signedIn(customer.email());
		WebSession web = signedIn(admin);

		var byActor = web.get("/admin/audit?actor=" + customer.email());
		assertThat(byActor.status()).isEqualTo(200);
		assertThat(byActor.body()).contains("id=\"audit-table\"").contains(customer.email()).contains("auth.signin");
		assertThat(byActor.body()).doesNotContain(">" + admin + "<");

		var byAction = web.get("/admin/audit?action=auth.signin&actor=" + admin);
		assertThat(byAction.body()).contains(admin);

		var byObject = web.get("/admin/audit?object=user&objectId=" + customer.id());
		assertThat(byObject.body()).contains("user #" + customer.id());
		var none = web.get("/admin/audit?actor=" + uniqueEmail("nobody"));
		assertThat(none.body()).contains("Nothing here yet.");
	}

	@Test
	void theAuditApiFiltersAndPagesForAdminsOnly() {
		String admin = admin();
		Account customer = customer("Api Audited");
		for (int i = 0; i < 3; i++) {
			signedIn(customer.email()).signOut();
		}
		var api = api().signIn(admin, PASSWORD);

		var page = api.get("/api/admin/audit?actor=" + customer.email() + "&action=auth.signin&size=2");
		assertThat(page.status()).isEqualTo(200);
		var items = page.json().get("items");
		assertThat(items.size()).isEqualTo(2);
		items.forEach(item -> {
			assertThat(item.get("actor_email").asString()).isEqualTo(customer.email());
			assertThat(item.get("action").asString()).isEqualTo("auth.signin");
			assertThat(item.get("ip_address").asString()).isNotBlank();
		});
		long next = page.json().get("next_before").asLong();
		var older = api.get("/api/admin/audit?actor=" + customer.email() + "&action=auth.signin&size=2&before=" + next);
		assertThat(older.json().get("items").size()).isEqualTo(1);
		assertThat(older.json().has("next_before")).isFalse();

		var byObject = api.get("/api/admin/audit?object=user&object_id=" + customer.id() + "&actor=" + customer.id());
		assertThat(byObject.json().get("items").size()).isEqualTo(3);

		assertThat(api().signIn(customer.email(), PASSWORD).get("/api/admin/audit").status()).isEqualTo(403);
	}

	@Test
	void theOutboxListsEveryMessageAndShowsOne() {
		String admin = admin();
		Account customer = customer("Mail Reader");
		WebSession web = signedIn(admin);
		var list = web.get("/admin/outbox?to=" + customer.email());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"outbox-table\"")
			.contains(customer.email())
			.contains("Confirm your e-mail");
		long id = jdbc.sql("SELECT id FROM outbox_messages WHERE recipient = ?")
			.param(customer.email())
			.query(Long.class)
			.single();
		var message = web.get("/admin/outbox/" + id);
		assertThat(message.status()).isEqualTo(200);
		assertThat(message.body()).contains("id=\"message-body\"").contains("/verify-email?token=");
		assertThat(web.get("/admin/outbox").body()).contains("id=\"outbox-table\"");
	}

	@Test
	void mailHeldWithoutSmtpIsRenderedByTheOutboxPages() {
		String admin = admin();
		String to = uniqueEmail("held");
		// what a node without SMTP queues: the model, no delivery job
		jdbc.sql("""
				INSERT INTO outbox_messages (recipient, template, model, locale, status, created_at)
				VALUES (?, 'verify-email', ?, 'en', 'held', CURRENT_TIMESTAMP)""")
			.params(to,
					"{\"name\":[\"s\",\"Held Reader\"],\"verifyUrl\":[\"s\",\"https://x.example/verify-email?token=t1\"]}")
			.update();
		long id = jdbc.sql("SELECT id FROM outbox_messages WHERE recipient = ?").param(to).query(Long.class).single();

		// one that cannot be rendered does not take the page down
		jdbc.sql("""
				INSERT INTO outbox_messages (recipient, template, model, locale, status, created_at)
				VALUES (?, 'no-such-template', '{}', 'en', 'held', CURRENT_TIMESTAMP)""").params(to).update();
		WebSession web = signedIn(admin);

		var list = web.get("/admin/outbox?to=" + to);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Confirm your e-mail").contains("no-such-template");
		assertThat(
				jdbc.sql("SELECT model FROM outbox_messages WHERE id = ?").param(id).query(String.class).list().get(0))
			.as("rendered once, kept")
			.isNull();
		assertThat(web.get("/admin/outbox/" + id).body()).contains("Held Reader").contains("token=t1");
	}

}
