package org.hostwright.admin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.hostwright.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin route of the whole application (read from Spring MVC's handler mappings, so
 * routes added by any module are covered without editing this test): a customer gets 403,
 * an anonymous visitor is sent to sign in (pages) or gets 401 (API).
 */
class AdminAccessTests extends AdminFixtures {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Route(String method, String path) {
	}

	List<Route> routes;

	@BeforeEach
	void collectRoutes() {
		TreeSet<String> seen = new TreeSet<>();
		routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!(pattern.equals("/admin") || pattern.startsWith("/admin/") || pattern.startsWith("/api/admin/"))
						|| pattern.equals("/admin/impersonate/exit")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]*uuid[^}]*}", "00000000-0000-0000-0000-000000000001")
					.replaceAll("\\{[^}]*}", "1");
				for (RequestMethod m : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
					if (seen.add(m + " " + path)) {
						routes.add(new Route(m.name(), path));
					}
				}
			}
		});
		// handled by a security filter, not a controller
		routes.add(new Route("POST", "/admin/impersonate"));
	}

	@Test
	void theWalkCoversTheConsoleOfEveryModule() {
		assertThat(routes).extracting(Route::path)
			.contains("/admin", "/admin/users", "/admin/orders", "/admin/services", "/admin/audit", "/api/admin/users",
					"/api/admin/orders", "/api/admin/stats/dashboard", "/api/admin/audit",
					"/admin/users/1/credentials");
		assertThat(routes.size()).isGreaterThan(30);
	}

	@Test
	void aCustomerGets403OnEveryAdminRoute() {
		var customer = customer("Curious Customer");
		WebSession web = signedIn(customer.email());
		web.get("/account");
		String token = api()
			.post("/api/auth/token",
					org.hostwright.support.ApiClient.json(Map.of("email", customer.email(), "password", PASSWORD)))
			.json()
			.get("token")
			.asString();
		List<String> leaks = new ArrayList<>();
		for (Route r : routes) {
			int status = r.path().startsWith("/api/") ? apiStatus(token, r) : webStatus(web, r);
			if (status != 403) {
				leaks.add(r + " -> " + status);
			}
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void anAnonymousVisitorIsSentToSignInOrGets401() {
		WebSession web = web();
		web.get("/login");
		List<String> leaks = new ArrayList<>();
		for (Route r : routes) {
			if (r.path().startsWith("/api/")) {
				int status = apiStatus(null, r);
				if (status != 401) {
					leaks.add(r + " -> " + status);
				}
			}
			else {
				var page = send(web, r);
				if (!(page.status() == 302 && page.location() != null && page.location().endsWith("/login"))) {
					leaks.add(r + " -> " + page.status() + " " + page.location());
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	private int webStatus(WebSession web, Route r) {
		return send(web, r).status();
	}

	private WebSession.Page send(WebSession web, Route r) {
		if (r.method().equals("GET")) {
			return web.get(r.path());
		}
		if (r.method().equals("POST")) {
			return web.post(r.path(), Map.of());
		}
		return web.request(HttpRequest.newBuilder(URI.create(baseUrl() + r.path()))
			.method(r.method(), HttpRequest.BodyPublishers.noBody())
			.header("X-CSRF-TOKEN", web.csrf() == null ? "" : web.csrf())
			.build());
	}

	private int apiStatus(String token, Route r) {
		var request = HttpRequest.newBuilder(URI.create(baseUrl() + r.path()))
			.header("Content-Type", "application/json")
			.method(r.method(), r.method().equals("GET") || r.method().equals("DELETE")
					? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

}
