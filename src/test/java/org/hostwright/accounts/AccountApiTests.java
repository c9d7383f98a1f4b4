package org.hostwright.accounts;

import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountApiTests extends IntegrationTest {

	@Test
	void registerThenExchangePasswordForBearerTokenThenReadProfile() {
		String email = uniqueEmail("api");
		var created = api().post("/api/auth/register", ApiClient.json(Map.of("name", "Asha Juma", "email", email,
				"password", "correct horse battery", "phone", "0712 345 678")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("email").asString()).isEqualTo(email);
		assertThat(created.json().get("phone").asString()).isEqualTo("+255712345678");
		assertThat(created.json().has("password_hash")).isFalse();

		var token = api().post("/api/auth/token",
				ApiClient.json(Map.of("email", email, "password", "correct horse battery")));
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.json().get("expires_at").asString()).isNotBlank();

		var me = api().withToken(token.json().get("token").asString()).get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("name").asString()).isEqualTo("Asha Juma");
	}

	@Test
	void invalidRegistrationIsA400WithFieldErrorsAndCreatesNothing() {
		var r = api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "", "email", "not-an-email", "password", "short")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body()).contains("\"field\":\"name\"").contains("\"field\":\"email\"");

		String email = uniqueEmail("weak");
		var weak = api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "A", "email", email, "password", "short")));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("\"field\":\"password\"").contains("12");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void registeringATakenEmailIsAConflict() {
		String email = uniqueEmail("dup");
		String body = ApiClient.json(Map.of("name", "First", "email", email, "password", "correct horse battery"));
		assertThat(api().post("/api/auth/register", body).status()).isEqualTo(201);
		var again = api().post("/api/auth/register", body.replace(email, email.toUpperCase(java.util.Locale.ROOT)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
	}

	@Test
	void wrongPasswordAndUnknownEmailAnswerIdentically() {
		String email = uniqueEmail("same");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "S", "email", email, "password", "correct horse battery")));
		var wrong = api().post("/api/auth/token",
				ApiClient.json(Map.of("email", email, "password", "not the password")));
		var unknown = api().post("/api/auth/token",
				ApiClient.json(Map.of("email", uniqueEmail("nobody"), "password", "not the password")));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.body()).isEqualTo(wrong.body());
	}

	@Test
	void repeatedFailuresAreRateLimitedPerAccountWith429AndRetryAfter() {
		String email = uniqueEmail("throttle");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "T", "email", email, "password", "correct horse battery")));
		for (int i = 0; i < 5; i++) {
			assertThat(api().post("/api/auth/token", ApiClient.json(Map.of("email", email, "password", "wrong " + i)))
				.status()).isEqualTo(401);
		}
		var blocked = api().post("/api/auth/token",
				ApiClient.json(Map.of("email", email, "password", "correct horse battery")));
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
	}

	@Test
	void apiWithoutOrWithABadTokenIs401ProblemAndAdminApiIs403ForCustomers() {
		var none = api().get("/api/me");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		var badToken = api().withToken("hw_not-a-real-token").get("/api/me");
		assertThat(badToken.status()).isEqualTo(401);
		assertThat(badToken.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(badToken.json().get("detail").asString()).isEqualTo("The bearer token is invalid or expired.");

		String email = uniqueEmail("cust");
		api().post("/api/auth/register",
				ApiClient.json(Map.of("name", "C", "email", email, "password", "correct horse battery")));
		var customer = api().signIn(email, "correct horse battery");
		var forbidden = customer.get("/api/admin/audit");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
	}

	@Test
	void openApiDocumentIsPublished() {
		var docs = api().get("/api/docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/auth/token").contains("/api/auth/register");
	}

}
