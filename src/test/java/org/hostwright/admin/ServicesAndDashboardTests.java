package org.hostwright.admin;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Account;
import org.hostwright.ordering.OrderView;
import org.hostwright.provisioning.HostingService;
import org.hostwright.provisioning.HostingServices;
import org.hostwright.provisioning.ServiceStatus;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services grid, a user's credentials (audited), the dashboards' service figures and
 * the customer dashboard, with services provisioned for real against the sandbox panel.
 */
class ServicesAndDashboardTests extends AdminFixtures {

	@Autowired
	HostingServices services;

	HostingService activeService(long customerId, long planId, String domain) {
		OrderView order = paid(customerId, planId, domain);
		HostingService[] found = new HostingService[1];
		Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
			found[0] = services.ofOrder(order.id()).orElse(null);
			return found[0] != null && found[0].status() == ServiceStatus.ACTIVE;
		});
		return found[0];
	}

	@Test
	void theServicesGridSearchesByDomainAndUsernameAndFiltersByStatus() {
		String admin = admin();
		Account c = customer("Grid Customer");
		long plan = plan("Grid Plan", 2_000_000, "TZS", "MONTHLY");
		String domain = domain("grid");
		HostingService s = activeService(c.id(), plan, domain);
		WebSession web = signedIn(admin);

		var byDomain = web.get("/admin/services?q=" + domain);
		assertThat(byDomain.status()).isEqualTo(200);
		assertThat(byDomain.body()).contains(domain, s.panelUsername(), c.email(), "/admin/services/" + s.id(),
				"/admin/services/" + s.id() + "/suspend");
		assertThat(web.get("/admin/services?q=" + s.panelUsername()).body()).contains(domain);
		assertThat(web.get("/admin/services?status=FAILED&q=" + domain).body())
			.doesNotContain("/admin/services/" + s.id() + "\"")
			.contains("No services match");
		assertThat(web.get("/admin/services?status=ACTIVE").body()).contains("id=\"services-grid\"");
		assertThat(web.get("/admin/users/" + c.id()).body()).contains(domain);
		assertThat(web.get("/admin/orders/" + s.orderUuid()).body()).contains(domain);
	}

	@Test
	void theServicesPageAndTheApiFindTheSameServices() {
		String admin = admin();
		Account c = customer("Search Customer");
		long plan = plan("Search Plan", 2_000_000, "TZS", "MONTHLY");
		String domain = domain("one");
		HostingService s = activeService(c.id(), plan, domain);
		WebSession web = signedIn(admin);
		var api = api().signIn(admin, PASSWORD);
		// part of the domain (its unique middle), the panel username, and a status that
		// excludes it
		String middle = domain.substring(3, domain.indexOf('.'));
		for (String query : new String[] { "q=" + middle, "q=" + s.panelUsername(), "status=active&q=" + middle }) {
			assertThat(web.get("/admin/services?" + query).body()).as(query)
				.contains("/admin/services/" + s.id() + "/");
			assertThat(api.get("/api/admin/services?" + query).json().toString()).as(query)
				.contains("\"id\":" + s.id() + ",");
		}
		assertThat(web.get("/admin/services?status=failed&q=" + middle).body()).doesNotContain(domain);
		assertThat(api.get("/api/admin/services?status=failed&q=" + middle).json().size()).isZero();
		assertThat(api.get("/api/admin/services?q=" + middle + "&before=" + s.id()).json().size()).isZero();
	}

	@Test
	void anAdminSeesAUsersCredentialsWithCopyAndShowButtonsAndEachViewIsAudited() {
		String admin = admin();
		Account c = customer("Cred Customer");
		long plan = plan("Cred Plan", 2_000_000, "TZS", "MONTHLY");
		HostingService s = activeService(c.id(), plan, domain("cred"));
		WebSession web = signedIn(admin);

		var page = web.get("/admin/users/" + c.id() + "/credentials");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"" + s.panelUsername() + "\"", "data-toggle-secret=\"#p0\"",
				"data-copy=\"#p0\"", "type=\"password\"");
		assertThat(audits("service.credentials.viewed", admin)).isEqualTo(1);
		assertThat(audits("admin.user.credentials_viewed", admin)).isEqualTo(1);
	}

	@Test
	void mrrCountsEveryActiveServiceAtItsMonthlyPrice() {
		String admin = admin();
		var api = api().signIn(admin, PASSWORD);
		long before = api.get("/api/admin/stats/dashboard").json().get("mrr_cents").asLong();
		long activeBefore = api.get("/api/admin/stats/dashboard").json().get("active_services").asLong();
		Account c = customer("Mrr Customer");
		activeService(c.id(), plan("Annual", 12_000_000, "TZS", "ANNUAL"), domain("mrr"));
		var after = api.get("/api/admin/stats/dashboard").json();
		// other tests run alongside in the shared database: at least our service's
		// monthly price was added
		assertThat(after.get("mrr_cents").asLong() - before).isGreaterThanOrEqualTo(1_000_000);
		assertThat(after.get("active_services").asLong()).isGreaterThan(activeBefore);
		assertThat(after.get("currency").asString()).isEqualTo("TZS");
	}

	@Test
	void theCustomerDashboardShowsCountsSpendingServicesOrdersAndWhatToDoNext() {
		Account c = customer("Dashboard Customer");
		long plan = plan("Dash Plan", 2_500_000, "TZS", "MONTHLY");
		String domain = domain("mine");
		activeService(c.id(), plan, domain);
		OrderView failed = order(c.id(), plan, null);
		orders.markFailed(failed.id(), "test");
		order(c.id(), plan, null);
		Account other = customer("Someone Else");
		String othersDomain = domain("theirs");
		activeService(other.id(), plan, othersDomain);

		WebSession web = signedIn(c.email());
		var page = web.get("/dashboard");
		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("id=\"c-orders\">3<", "id=\"c-paid\">1<", "id=\"c-failed\">1<", "id=\"c-active\">1<",
				"id=\"last-payment\"", "id=\"open-panel\"", "id=\"browse-plans\"", domain);
		assertThat(body).doesNotContain(othersDomain).doesNotContain(other.email());

		Account fresh = customer("New Customer");
		var empty = signedIn(fresh.email()).get("/dashboard").body();
		assertThat(empty).contains("id=\"c-orders\">0<", "id=\"browse-plans\"").doesNotContain("id=\"open-panel\"");
	}

	@Test
	void aPaidOrderWithoutServiceOffersFinishSetup() {
		Account c = customer("Setup Customer");
		long plan = plan("Setup Plan", 2_500_000, "TZS", "MONTHLY");
		OrderView o = paid(c.id(), plan, domain("setup"));
		// the service of a paid order is created right away; remove it to get the state
		// after a failure
		Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> services.ofOrder(o.id()).isPresent());
		Awaitility.await()
			.atMost(Duration.ofSeconds(40))
			.until(() -> !services.ofOrder(o.id()).orElseThrow().status().inProgress());
		jdbc.sql("DELETE FROM services WHERE order_id = ?").param(o.id()).update();
		jdbc.sql("UPDATE orders SET status = 'paid' WHERE id = ?").param(o.id()).update();
		var body = signedIn(c.email()).get("/dashboard").body();
		assertThat(body).contains("id=\"finish-setup\"", "/me/services/provision/" + o.uuid());
		assertThat(Map.of()).isEmpty();
	}

}
