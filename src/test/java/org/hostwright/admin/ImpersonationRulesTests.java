package org.hostwright.admin;

import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Impersonation from the users pages: never an admin, never by a customer, banner, one
 * click back.
 */
class ImpersonationRulesTests extends AdminFixtures {

	@Test
	void anAdminCannotBeImpersonated() {
		String admin = admin();
		String other = admin();
		WebSession web = signedIn(admin);
		web.get("/admin/users");
		var refused = web.post("/admin/impersonate", Map.of("username", other));
		assertThat(refused.redirectsTo("/admin/users?impersonation=refused")).isTrue();
		var list = web.follow(refused);
		assertThat(list.body()).contains("id=\"impersonation-refused\"").doesNotContain("id=\"impersonation-banner\"");
		assertThat(web.get("/admin").status()).isEqualTo(200);
		assertThat(audits("impersonation.start", admin)).isZero();
		// the users list offers no impersonation button for admins
		assertThat(web.get("/admin/users?q=" + other).body())
			.doesNotContain("name=\"username\" value=\"" + other + "\"");
	}

	@Test
	void aCustomerCannotImpersonateAnyone() {
		Account a = customer("Mallory");
		Account b = customer("Victim");
		WebSession web = signedIn(a.email());
		web.get("/dashboard");
		var attempt = web.post("/admin/impersonate", Map.of("username", b.email()));
		assertThat(attempt.status()).isEqualTo(403);
		assertThat(web.get("/dashboard").body()).contains("Hello, Mallory")
			.doesNotContain("id=\"impersonation-banner\"");
	}

	@Test
	void theBannerIsOnEveryPageWhileViewingAsACustomerAndOneClickReturns() {
		String admin = admin();
		Account c = customer("Banner Customer");
		WebSession web = signedIn(admin);
		web.get("/admin/users/" + c.id());
		var start = web.post("/admin/impersonate", Map.of("username", c.email()));
		assertThat(start.redirectsTo("/dashboard")).isTrue();
		for (String page : new String[] { "/dashboard", "/plans", "/account" }) {
			assertThat(web.get(page).body()).as(page)
				.contains("id=\"impersonation-banner\"", "Viewing as Banner Customer");
		}
		assertThat(web.get("/api/admin/users").status()).isIn(401, 403);
		var back = web.post("/admin/impersonate/exit", Map.of());
		assertThat(back.redirectsTo("/admin/users")).isTrue();
		assertThat(web.get("/admin").status()).isEqualTo(200);
		assertThat(audits("impersonation.start", admin)).isEqualTo(1);
		assertThat(audits("impersonation.stop", admin)).isEqualTo(1);
	}

}
