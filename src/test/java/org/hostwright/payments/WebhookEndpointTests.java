package org.hostwright.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook over real HTTP, through every servlet filter and its security chain: no
 * session is made or used for it, and bad input is a 400 problem naming the field.
 */
class WebhookEndpointTests extends IntegrationTest {

	private static final String KEY = "sandbox-zenopay-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Accounts accounts;

	@Autowired
	List<SecurityFilterChain> chains;

	@Test
	void aWebhookCreatesNoSessionAndSetsNoCookieEvenWithABrowsersSessionCookie() {
		String email = uniqueEmail("webhook-session");
		accounts.register(NewAccount.customer("Neema Webhook", email, null, "correct horse battery"));
		WebSession browser = web();
		browser.signIn(email, "correct horse battery");
		String session = browser.cookie("SESSION");
		assertThat(session).isNotNull();
		long sessions = count("SELECT COUNT(*) FROM spring_session");

		for (String cookie : new String[] { null, "SESSION=" + session }) {
			var stored = webhook(KEY, body("session-" + System.nanoTime()), cookie);
			assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
			assertThat(stored.headers().allValues("Set-Cookie")).isEmpty();
			var refused = webhook("forged", body("session-" + System.nanoTime()), cookie);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(count("SELECT COUNT(*) FROM spring_session")).isEqualTo(sessions);
	}

	@Test
	void badInputIsA400ProblemNamingTheFieldNeverA500() {
		var notJson = webhook(KEY, "not json", null);
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		JsonNode missing = problem(webhook(KEY, "{\"payment_status\":\"COMPLETED\"}", null), 400);
		assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("order_id");

		// PostgreSQL cannot store a NUL: refused up front, not a failed store answered
		// 503
		JsonNode nul = problem(
				webhook(KEY, "{\"order_id\":\"nul-" + System.nanoTime() + "\",\"reference\":\"a\\u0000b\"}", null),
				400);
		assertThat(nul.get("errors").get(0).get("field").asString()).isEqualTo("reference");
	}

	@Test
	void aRefusedWebhookIsA403Problem() {
		JsonNode refused = problem(webhook("forged", body("forged-" + System.nanoTime()), null), 403);
		assertThat(refused.get("title").asString()).isEqualTo("Forbidden");
	}

	@Test
	void theWebhookChainRunsNoSessionCsrfAnonymousLogoutOrHeaderFilter() {
		var request = new MockHttpServletRequest("POST", ZenoWebhookEndpoint.PATH);
		SecurityFilterChain chain = chains.stream().filter(c -> c.matches(request)).findFirst().orElseThrow();
		assertThat(chain.getFilters()).extracting(f -> f.getClass().getSimpleName())
			.doesNotContain("SessionManagementFilter", "DisableEncodeUrlFilter", "CsrfFilter",
					"AnonymousAuthenticationFilter", "LogoutFilter", "RequestCacheAwareFilter",
					"SecurityContextHolderAwareRequestFilter", "HeaderWriterFilter")
			.contains("AuthorizationFilter");
	}

	@Test
	void onlyPostIsAnswered() throws Exception {
		var get = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + ZenoWebhookEndpoint.PATH)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
	}

	private static String body(String orderId) {
		return "{\"order_id\":\"" + orderId + "\",\"payment_status\":\"COMPLETED\"}";
	}

	private static JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		return problem;
	}

	private HttpResponse<String> webhook(String key, String body, String cookie) {
		return GatewayWebhooks.post(baseUrl(), key, body, cookie);
	}

	private long count(String sql) {
		return jdbc.sql(sql).params(List.of()).query(Long.class).single();
	}

}
