package org.hostwright.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The storefront as a signed-in viewer sees it, answered from memory when the same viewer
 * looks again: never another viewer's page, the request's own CSRF token in its forms,
 * never while a one-time message waits, a plan change seen at once.
 */
class ViewerPageCacheTests {

	private final AtomicInteger renders = new AtomicInteger();

	private final Catalog catalog = mock(Catalog.class);

	private final ViewerPageCache cache = new ViewerPageCache(catalog, new AcceptHeaderLocaleResolver(),
			Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC),
			new CatalogProperties("default", Duration.ofHours(1)));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aViewerSeesTheirOwnPageAgainWithTheirRequestsToken() throws Exception {
		signIn("amina@example.test", "ROLE_CUSTOMER");
		String first = view(get("/", "token-1")).getContentAsString();
		String second = view(get("/", "token-2")).getContentAsString();

		assertThat(renders).hasValue(1);
		assertThat(first).contains("amina@example.test").contains("value=\"token-1\"");
		assertThat(second).contains("amina@example.test")
			.contains("<input type=\"hidden\" name=\"_csrf\" value=\"token-2\"/>")
			.doesNotContain("token-1");
	}

	@Test
	void anotherViewerOrAnotherRoleIsNeverServedSomeoneElsesPage() throws Exception {
		signIn("amina@example.test", "ROLE_CUSTOMER");
		view(get("/", "t"));
		signIn("baraka@example.test", "ROLE_CUSTOMER");
		assertThat(view(get("/", "t")).getContentAsString()).contains("baraka@example.test").doesNotContain("amina");
		signIn("amina@example.test", "ROLE_ADMIN");
		assertThat(view(get("/", "t")).getContentAsString()).contains("ROLE_ADMIN");
		assertThat(renders).hasValue(3);
	}

	@Test
	void aPendingOneTimeMessageOrAPlanChangeRendersAgain() throws Exception {
		signIn("amina@example.test", "ROLE_CUSTOMER");
		view(get("/plans", "t"));
		MockHttpServletRequest withFlash = get("/plans", "t");
		FlashMap flash = new FlashMap();
		flash.put("flash", "welcome");
		withFlash.getSession().setAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS", List.of(flash));
		view(withFlash);
		assertThat(renders).hasValue(2);
		// one meant for another page (the dashboard after sign-in) does not count
		MockHttpServletRequest otherPagesFlash = get("/plans", "t");
		FlashMap forDashboard = new FlashMap();
		forDashboard.put("flash", "welcome");
		forDashboard.setTargetRequestPath("/dashboard");
		otherPagesFlash.getSession()
			.setAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS", List.of(forDashboard));
		view(otherPagesFlash);
		assertThat(renders).hasValue(2);

		when(catalog.version()).thenReturn(7L);
		view(get("/plans", "t"));
		assertThat(renders).hasValue(3);
	}

	@Test
	void anonymousVisitorsAndOtherPathsPassThrough() throws Exception {
		view(get("/", "t"));
		view(get("/", "t"));
		signIn("amina@example.test", "ROLE_CUSTOMER");
		view(get("/dashboard", "t"));
		view(get("/dashboard", "t"));
		assertThat(renders).hasValue(4);
	}

	@Test
	void anAdminViewingAsTheCustomerHasACopyOfTheirOwn() throws Exception {
		signIn("amina@example.test", "ROLE_CUSTOMER");
		view(get("/", "t"));
		var admin = UsernamePasswordAuthenticationToken.authenticated("admin@example.test", null,
				List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user("amina@example.test"), null,
					List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"),
							new SwitchUserGrantedAuthority("ROLE_PREVIOUS_ADMINISTRATOR", admin))));
		view(get("/", "t"));
		signIn("amina@example.test", "ROLE_CUSTOMER");
		view(get("/", "t"));
		assertThat(renders).hasValue(2);
	}

	/**
	 * Signs in as a browser's session does on every request: a new principal object read
	 * from the session, the same person.
	 */
	private void signIn(String email, String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user(email), null,
					List.of(new SimpleGrantedAuthority(role))));
	}

	private static User user(String email) {
		return new User(email, "", List.of());
	}

	private static MockHttpServletRequest get(String path, String token) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName("localhost");
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
		return request;
	}

	private MockHttpServletResponse view(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				PublicPageCache.markPublic(req);
				var auth = SecurityContextHolder.getContext().getAuthentication();
				CsrfToken token = (CsrfToken) req.getAttribute(CsrfToken.class.getName());
				resp.setContentType("text/html;charset=UTF-8");
				String page = "<p>" + renders.incrementAndGet() + " "
						+ (auth == null ? "anonymous" : auth.getName() + " " + auth.getAuthorities()) + "</p>"
						+ "<form action=\"/logout\" method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\""
						+ token.getToken() + "\"/></form>";
				resp.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
			}
		}));
		return response;
	}

}
