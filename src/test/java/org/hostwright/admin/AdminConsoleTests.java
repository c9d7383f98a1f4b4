package org.hostwright.admin;

import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.Slice;
import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin console's pages and APIs: dashboard, users, orders, exports. */
class AdminConsoleTests extends AdminFixtures {

	@Test
	void dashboardPageAndApiShowTheFiguresChartsAndTopPlans() {
		String admin = admin();
		Account c = customer("Dash Customer");
		long plan = plan("Dash Plan " + System.nanoTime(), 3_000_000, "TZS", "MONTHLY");
		long eur = plan("Dash EUR", 2_900, "EUR", "MONTHLY");
		paid(c.id(), plan, domain("dash"));
		paid(c.id(), eur, domain("dash"));
		order(c.id(), plan, null);

		var api = api().signIn(admin, PASSWORD).get("/api/admin/stats/dashboard");
		assertThat(api.status()).isEqualTo(200);
		var json = api.json();
		for (String field : new String[] { "total_users", "total_plans", "total_orders", "active_services",
				"pending_orders", "failed_orders", "total_revenue_cents", "mrr_cents", "revenue_by_currency" }) {
			assertThat(json.has(field)).as(field).isTrue();
		}
		assertThat(json.get("total_orders").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(json.get("pending_orders").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(json.get("total_revenue_cents").asLong()).isGreaterThanOrEqualTo(3_000_000);
		assertThat(json.get("orders_per_day").size()).isEqualTo(14);
		assertThat(json.get("revenue_per_day").size()).isEqualTo(14);
		assertThat(json.get("orders_per_day").get(13).get("count").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(json.get("revenue_by_currency").toString()).contains("\"EUR\"");
		assertThat(json.get("top_plans").size()).isBetween(1, 5);

		var page = signedIn(admin).get("/admin");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"orders-chart\"", "id=\"revenue-chart\"", "id=\"stat-mrr\"",
				"id=\"top-plans\"", "chart.umd.min-", c.email()); // content-hashed file
																	// name
	}

	@Test
	void usersAreSearchedFilteredAndPaginatedOnThePageAndTheApi() {
		String admin = admin();
		String marker = "Zuhura" + Long.toString(System.nanoTime(), 36);
		Account found = customer(marker + " Kimaro");
		var api = api().signIn(admin, PASSWORD);

		var byName = api.get("/api/admin/users?q=" + marker).json();
		assertThat(byName.get("items").size()).isEqualTo(1);
		assertThat(byName.get("items").get(0).get("email").asString()).isEqualTo(found.email());
		assertThat(api.get("/api/admin/users?q=" + found.email()).json().get("items").size()).isEqualTo(1);
		assertThat(api.get("/api/admin/users?q=" + marker + "&role=ADMIN").json().get("items").size()).isZero();
		var admins = api.get("/api/admin/users?role=ADMIN&page=1").json();
		assertThat(admins.get("items").toString()).contains(admin);
		assertThat(admins.get("items").toString()).doesNotContain("\"CUSTOMER\"");
		var page2 = api.get("/api/admin/users?page=2&size=1").json();
		assertThat(page2.get("page").asLong()).isEqualTo(2);
		assertThat(page2.get("items").size()).isEqualTo(1);
		assertThat(api.get("/api/admin/users?page=99999").json().get("page").asLong()).isEqualTo(Slice.MAX_PAGE);

		WebSession web = signedIn(admin);
		var list = web.get("/admin/users?q=" + marker);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(found.email()).contains("name=\"username\" value=\"" + found.email() + "\"");
		assertThat(web.get("/admin/users?q=0712&role=CUSTOMER").status()).isEqualTo(200);
		assertThat(web.get("/admin/users?q=z").status()).isEqualTo(200);
	}

	@Test
	void anAdminCreatesEditsAndDeletesAUserAllAudited() {
		String admin = admin();
		WebSession web = signedIn(admin);
		String email = uniqueEmail("made");
		var invalid = web.submit("/admin/users/new", "/admin/users",
				Map.of("name", "", "email", "not-an-email", "phone", "", "role", "CUSTOMER", "password", ""));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("is-invalid");

		var created = web.submit("/admin/users/new", "/admin/users", Map.of("name", "Made Byadmin", "email", email,
				"phone", "0713 000 111", "role", "CUSTOMER", "password", ""));
		assertThat(created.status()).isEqualTo(302);
		long id = accounts.findByEmail(email).orElseThrow().id();
		assertThat(created.location()).endsWith("/admin/users/" + id);
		assertThat(mailbox().await(email, "")).isNotNull();
		var show = web.get("/admin/users/" + id);
		assertThat(show.body()).contains("Made Byadmin").contains("+255713000111").contains("id=\"user-spent\"");

		var edited = web.submit("/admin/users/" + id + "/edit", "/admin/users/" + id,
				Map.of("name", "Made Renamed", "email", email, "phone", "", "role", "CUSTOMER"));
		assertThat(edited.status()).isEqualTo(302);
		assertThat(accounts.require(id).name()).isEqualTo("Made Renamed");

		var taken = web.submit("/admin/users/" + id + "/edit", "/admin/users/" + id,
				Map.of("name", "Made Renamed", "email", admin, "phone", "", "role", "CUSTOMER"));
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.body()).contains("is-invalid");

		var deleted = web.submit("/admin/users/" + id, "/admin/users/" + id + "/delete", Map.of());
		assertThat(deleted.redirectsTo("/admin/users")).isTrue();
		assertThat(accounts.find(id)).isEmpty();
		assertThat(audits("admin.user.created", admin)).isEqualTo(1);
		assertThat(audits("admin.user.updated", admin)).isEqualTo(1);
		assertThat(audits("account.deleted", admin)).isEqualTo(1);
		assertThat(web.get("/admin/users/" + id).status()).isEqualTo(404);
	}

	@Test
	void ordersAreFilteredSearchedAndShownWithTimelineAndPayments() {
		String admin = admin();
		Account c = customer("Order Customer");
		long plan = plan("Order Plan", 1_500_000, "TZS", "MONTHLY");
		String domain = domain("ord");
		OrderView pending = order(c.id(), plan, domain);
		OrderView paid = paid(c.id(), plan, domain("paid"));
		OrderView failed = order(c.id(), plan, null);
		orders.markFailed(failed.id(), "test: payment failed");
		var api = api().signIn(admin, PASSWORD);

		var byDomain = api.get("/api/admin/orders?q=" + domain).json();
		assertThat(byDomain.get("items").size()).isEqualTo(1);
		assertThat(byDomain.get("items").get(0).get("order_uuid").asString()).isEqualTo(pending.uuid().toString());
		assertThat(api.get("/api/admin/orders?q=" + pending.uuid()).json().get("items").size()).isEqualTo(1);
		var byEmail = api.get("/api/admin/orders?q=" + c.email()).json();
		assertThat(byEmail.get("items").size()).isEqualTo(3);
		assertThat(api.get("/api/admin/orders?status=FAILED&q=" + c.email()).json().get("items").toString())
			.contains(failed.uuid().toString())
			.doesNotContain(pending.uuid().toString());
		assertThat(api.get("/api/admin/orders?status=PENDING").json().get("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(api.get("/api/admin/orders/" + paid.uuid()).json().has("timeline")).isTrue();

		WebSession web = signedIn(admin);
		var list = web.get("/admin/orders?status=PENDING&q=" + c.email());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(pending.uuid().toString()).doesNotContain(paid.uuid().toString());
		var detail = web.get("/admin/orders/" + paid.uuid());
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("id=\"order-timeline\"", "id=\"payment-events\"", "id=\"order-service\"",
				"test", c.email());
		assertThat(web.get("/admin/orders/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void manualOrdersAreCreatedEditedAndOnlyNeverPaidOnesDeleted() {
		String admin = admin();
		Account c = customer("Manual Customer");
		long plan = plan("Manual Plan", 1_000_000, "TZS", "QUARTERLY");
		WebSession web = signedIn(admin);

		var unknown = web.submit("/admin/orders/new", "/admin/orders", Map.of("customerEmail", uniqueEmail("nobody"),
				"planId", String.valueOf(plan), "phone", "", "domain", ""));
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).contains("No customer has this e-mail");
		var badDomain = web.submit("/admin/orders/new", "/admin/orders", Map.of("customerEmail", c.email(), "planId",
				String.valueOf(plan), "phone", "", "domain", "not a domain"));
		assertThat(badDomain.status()).isEqualTo(200);

		var created = web.submit("/admin/orders/new", "/admin/orders", Map.of("customerEmail", c.email(), "planId",
				String.valueOf(plan), "phone", "0712 345 678", "domain", "Manual-Shop.co.tz"));
		assertThat(created.status()).isEqualTo(302);
		String uuid = created.location().substring(created.location().lastIndexOf('/') + 1);
		OrderView order = orders.findByUuid(java.util.UUID.fromString(uuid)).orElseThrow();
		assertThat(order.domain()).isEqualTo("manual-shop.co.tz");
		assertThat(order.customerId()).isEqualTo(c.id());

		var edited = web.submit("/admin/orders/" + uuid + "/edit", "/admin/orders/" + uuid,
				Map.of("phone", "+255 754 000 111", "domain", "renamed.co.tz"));
		assertThat(edited.status()).isEqualTo(302);
		assertThat(orders.find(order.id()).orElseThrow().domain()).isEqualTo("renamed.co.tz");
		assertThat(orders.find(order.id()).orElseThrow().phone()).isEqualTo("+255754000111");

		OrderView paid = paid(c.id(), plan, null);
		var refused = web.submit("/admin/orders/" + paid.uuid(), "/admin/orders/" + paid.uuid() + "/delete", Map.of());
		assertThat(refused.redirectsTo("/admin/orders/" + paid.uuid())).isTrue();
		assertThat(orders.find(paid.id())).isPresent();

		var deleted = web.submit("/admin/orders/" + uuid, "/admin/orders/" + uuid + "/delete", Map.of());
		assertThat(deleted.redirectsTo("/admin/orders")).isTrue();
		assertThat(orders.find(order.id())).isEmpty();
		assertThat(audits("admin.order.created", admin)).isEqualTo(1);
		assertThat(audits("admin.order.updated", admin)).isEqualTo(1);
		assertThat(audits("admin.order.deleted", admin)).isEqualTo(1);
	}

	@Test
	void usersOrdersAndServicesExportAsCsvAudited() {
		String admin = admin();
		Account c = customer("=cmd|' /C calc'!A0");
		long plan = plan("Csv Plan", 1_000_000, "TZS", "MONTHLY");
		OrderView o = order(c.id(), plan, domain("csv"));
		WebSession web = signedIn(admin);

		var users = web.get("/admin/users/export?q=" + c.email());
		assertThat(users.status()).isEqualTo(200);
		assertThat(users.header("Content-Type")).startsWith("text/csv");
		assertThat(users.body()).startsWith("id,name,email,phone,role").contains(c.email()).contains("'=cmd");
		var ordersCsv = web.get("/admin/orders/export?q=" + o.uuid());
		assertThat(ordersCsv.body()).contains(o.uuid().toString()).contains("pending");
		var services = web.get("/admin/services/export?status=ACTIVE");
		assertThat(services.status()).isEqualTo(200);
		assertThat(services.body()).startsWith("id,domain,username,status");
		assertThat(audits("admin.export", admin)).isEqualTo(3);
	}

	@Test
	void listInputThatMakesNoSenseIsIgnoredNotAnError() {
		String admin = admin();
		var api = api().signIn(admin, PASSWORD);
		assertThat(api.get("/api/admin/orders?status=NOPE&page=-4&size=100000").status()).isEqualTo(200);
		assertThat(api.get("/api/admin/users?role=ROOT&q=%25%25_").status()).isEqualTo(200);
		assertThat(api.get("/api/admin/orders?page=abc").status()).isEqualTo(400);
		assertThat(signedIn(admin).get("/admin/services?status=NOPE&q=_%25").status()).isEqualTo(200);
		assertThat(ApiClient.json(Map.of())).isEqualTo("{}");
	}

}
