package org.hostwright.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of bad input the adversarial run answered with a 500 is now a 400 (or 404)
 * with a clear text.
 */
class BadInputAnswersTests extends IntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	private ApiClient admin;

	@BeforeEach
	void admin() {
		String email = uniqueEmail("bad-input-admin");
		accounts.register(NewAccount.customer("Bad Input Admin", email, "0712345678", PASSWORD));
		jdbc.sql("UPDATE users SET role = ? WHERE email = ?").params("ADMIN", email).update();
		admin = api().signIn(email, PASSWORD);
	}

	@Test
	void nulInJsonTextIsA400NamingTheField() {
		var r = api().post("/api/auth/register",
				"{\"name\":\"a\\u0000b\",\"email\":\"" + uniqueEmail("nul") + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void nulInAParameterIsA400OnTheApiAndTheWeb() {
		var r = admin.get("/api/admin/audit?action=a%00b");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("action");
		WebSession web = web();
		web.get("/login");
		assertThat(web.post("/login", Map.of("email", "a\u0000b@example.test", "password", "x")).status())
			.isEqualTo(400);
	}

	@Test
	void signingInWithA300CharacterEmailIsRefusedNotA500() {
		String email = "a".repeat(290) + "@example.test";
		WebSession web = web().withHeader("X-Forwarded-For", "10.92.0.1");
		assertThat(web.signIn(email, "whatever").status()).isEqualTo(302);
		assertThat(
				api().post("/api/auth/token", ApiClient.json(Map.of("email", email, "password", "whatever"))).status())
			.isEqualTo(401);
	}

	@Test
	void aFractionInAJsonIntegerFieldIsA400NotCutToItsWholePart() {
		var r = admin.post("/api/admin/plans", "{\"name\":\"Fraction\",\"price_cents\":1.9,\"currency\":\"TZS\","
				+ "\"billing_period\":\"monthly\",\"active\":true}");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("price_cents");
	}

	@Test
	void fullWidthDigitsAndTwentyDigitNumbersAreNotIds() {
		assertThat(admin.get("/api/admin/plans/%EF%BC%91").status()).isEqualTo(400);
		assertThat(admin.get("/api/admin/plans/99999999999999999999").status()).isEqualTo(400);
		assertThat(admin.get("/api/admin/plans/%20").status()).isEqualTo(400);
		assertThat(admin.get("/api/admin/audit?size=%20").status()).isLessThan(500);
		var r = admin.get("/api/admin/audit?before=99999999999999999999");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("before");
		assertThat(admin.get("/api/admin/audit?actor=99999999999999999999").status()).isEqualTo(200);
		assertThat(admin.get("/api/admin/audit?actor=%EF%BC%91").status()).isEqualTo(200);
	}

	@Test
	void malformedUnicodeDomainIsA400() {
		var site = admin.post("/api/admin/hosting/sites", ApiClient.json(Map.of("business_name", "Unicode Test")));
		long id = site.json().get("id").asLong();
		var r = admin.post("/api/admin/hosting/sites/" + id + "/go-live", "{\"domain\":\"\\udc00broken.com\"}");
		assertThat(r.status()).isBetween(400, 499);
	}

	@Test
	void aClientServicePriceBeyondTheBoundIsRefusedAndTheDashboardStillAnswers() {
		var site = admin.post("/api/admin/hosting/sites", ApiClient.json(Map.of("business_name", "Price Bound")));
		long id = site.json().get("id").asLong();
		var r = admin
			.post("/api/admin/hosting/sites/" + id + "/services", "{\"service_type\":\"domain\",\"name\":\"x.com\","
					+ "\"status\":\"active\",\"billing_period\":\"annual\",\"price_cents\":9223372036854775807,\"currency\":\"EUR\"}");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("price_cents");
	}

	@Test
	void anonymousTokenRevocationShowsNoMessageKey() throws Exception {
		var r = api().delete("/api/auth/token");
		assertThat(r.status()).isBetween(400, 499);
		assertThat(r.body()).doesNotContain("problemDetail.").doesNotContain("problem.");
		int malformed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/auth/token"))
				.header("Authorization", "Bea")
				.DELETE()
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
		assertThat(malformed).isLessThan(500);
	}

}
