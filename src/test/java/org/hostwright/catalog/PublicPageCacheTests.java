package org.hostwright.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront answered from memory to anonymous visitors: rendered once per host,
 * path, language and catalog version, never for a visitor who may have a session, never
 * when the page was not marked public or set a cookie; a plan change is seen at once.
 */
class PublicPageCacheTests extends IntegrationTest {

	@Autowired
	ObjectProvider<PlanStats> stats;

	private final AtomicInteger renders = new AtomicInteger();

	private Catalog catalog;

	private PublicPageCache cache;

	@BeforeEach
	void oneNode() {
		catalog = new Catalog(new PlanRepository(jdbc), stats, Duration.ZERO);
		cache = new PublicPageCache(catalog, new AcceptHeaderLocaleResolver(),
				Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC),
				new CatalogProperties("default", Duration.ofHours(1)));
	}

	@Test
	void anAnonymousViewIsRenderedOnceAndServedWithItsHeaders() throws Exception {
		MockHttpServletResponse first = view(get("/"), true);
		MockHttpServletResponse second = view(get("/"), true);

		assertThat(renders).hasValue(1);
		assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("page 1");
		assertThat(second.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(second.getContentType()).startsWith("text/html");
		assertThat(second.getHeader("Set-Cookie")).isNull();
	}

	@Test
	void languageHostAndPathEachHaveTheirOwnCopy() throws Exception {
		view(get("/"), true);
		MockHttpServletRequest swahili = get("/");
		swahili.addHeader("Accept-Language", "sw");
		view(swahili, true);
		MockHttpServletRequest otherHost = get("/");
		otherHost.setServerName("shop.example.test");
		view(otherHost, true);
		view(get("/plans"), true);

		assertThat(renders).hasValue(4);
	}

	@Test
	void aPlanChangeIsSeenAtOnce() throws Exception {
		view(get("/plans"), true);
		catalog.changed();
		assertThat(view(get("/plans"), true).getContentAsString()).isEqualTo("page 2");
	}

	@Test
	void aVisitorWhoMayHaveASessionOrSignedInIsNeverServedFromMemory() throws Exception {
		view(get("/"), true);
		MockHttpServletRequest withSession = get("/");
		withSession.setCookies(new Cookie("SESSION", "abc"), new Cookie("hw_lang", "en"));
		MockHttpServletRequest withToken = get("/api/plans");
		withToken.addHeader("Authorization", "Bearer hw_x");
		MockHttpServletRequest withQuery = get("/");
		withQuery.setQueryString("lang=fr");

		assertThat(view(withSession, true).getContentAsString()).isEqualTo("page 2");
		view(withToken, true);
		view(withQuery, true);
		assertThat(renders).hasValue(4);
	}

	@Test
	void onlyAPageMarkedPublicWithoutCookiesIsKept() throws Exception {
		view(get("/"), false);
		view(get("/"), false);
		assertThat(renders).hasValue(2);

		MockHttpServletRequest request = get("/plans");
		MockFilterChain settingACookie = new MockFilterChain(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				PublicPageCache.markPublic(req);
				resp.addCookie(new Cookie("XSRF-TOKEN", "t" + renders.incrementAndGet()));
				resp.getWriter().write("page");
			}
		});
		cache.doFilter(request, new MockHttpServletResponse(), settingACookie);
		cache.doFilter(get("/plans"), new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				renders.incrementAndGet();
				resp.getWriter().write("page");
			}
		}));
		assertThat(renders).hasValue(4);
	}

	@Test
	void theLiveStorefrontGivesAnonymousVisitorsNoTokenAndNoCookie() {
		var anonymous = web().get("/");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body()).doesNotContain("name=\"_csrf\"");
		assertThat(anonymous.raw().headers().allValues("Set-Cookie")).isEmpty();
	}

	private static MockHttpServletRequest get(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName("localhost");
		return request;
	}

	private MockHttpServletResponse view(MockHttpServletRequest request, boolean markPublic) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		cache.doFilter(request, response, new MockFilterChain(new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				if (markPublic) {
					PublicPageCache.markPublic(req);
				}
				resp.setHeader("X-Frame-Options", "SAMEORIGIN");
				resp.setContentType("text/html;charset=UTF-8");
				resp.getOutputStream().write(("page " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
			}
		}));
		return response;
	}

}
