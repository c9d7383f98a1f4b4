package org.hostwright.catalog;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The storefront as anonymous visitors see it ({@code /}, {@code /plans} and
 * {@code GET /api/plans}), answered from memory: the same bytes for every visitor without
 * a session, so neither the security chain, the session store nor the template engine run
 * per view. Kept per host, path, language, catalog version and date, and for a few
 * seconds at most (the page's chrome, e.g. the brand, may change without a catalog
 * change), so a plan edit shows at once on every node and anything else within seconds.
 * Registered by {@link PublicPageCacheConfiguration}. Only a response the storefront
 * marked as public is kept: another host's site, an error, a page that set a cookie are
 * never served from here.
 */
class PublicPageCache extends OncePerRequestFilter {

	/**
	 * Request attribute: the page is the same for every anonymous visitor (the layout
	 * then leaves out the CSRF token, which belongs to one visitor).
	 */
	static final String PUBLIC = "publicPage";

	private static final Set<String> PATHS = Set.of("/", "/plans", "/api/plans");

	/**
	 * Cookies that do not change the page (language is part of the key; the others are
	 * read by sign-in and forms only); any other cookie may be a session.
	 */
	private static final Set<String> NEUTRAL_COOKIES = Set.of("hw_lang", "hw_device", "XSRF-TOKEN");

	/** Headers that belong to one answer, not to the page. */
	private static final Set<String> NOT_REPLAYED = Set.of(HttpHeaders.SET_COOKIE.toLowerCase(Locale.ROOT),
			HttpHeaders.DATE.toLowerCase(Locale.ROOT), HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT),
			HttpHeaders.TRANSFER_ENCODING.toLowerCase(Locale.ROOT));

	private final Catalog catalog;

	private final LocaleResolver locales;

	private final Clock clock;

	private final Cache<Key, Page> pages;

	private final boolean off;

	PublicPageCache(Catalog catalog, LocaleResolver locales, Clock clock, CatalogProperties properties) {
		this.catalog = catalog;
		this.locales = locales;
		this.clock = clock;
		this.off = properties.publicPageTtl().isZero();
		this.pages = CacheBuilder.newBuilder().maximumSize(500).expireAfterWrite(properties.publicPageTtl()).build();
	}

	private record Key(String host, String path, Locale locale, long catalogVersion, LocalDate date) {
	}

	record Page(String contentType, List<Map.Entry<String, String>> headers, byte[] body) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (off || !anonymousView(request)) {
			chain.doFilter(request, response);
			return;
		}
		Key key = new Key(request.getServerName().toLowerCase(Locale.ROOT), request.getRequestURI(),
				locales.resolveLocale(request), catalog.version(), LocalDate.now(clock));
		Page page = pages.getIfPresent(key);
		if (page != null) {
			replay(page, response);
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, captured);
		if (Boolean.TRUE.equals(request.getAttribute(PUBLIC)) && captured.getStatus() == HttpServletResponse.SC_OK
				&& captured.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			pages.put(key, capture(captured));
		}
		captured.copyBodyToResponse();
	}

	/** Set by the storefront's handlers: this answer is the same for every visitor. */
	static void markPublic(HttpServletRequest request) {
		request.setAttribute(PUBLIC, Boolean.TRUE);
	}

	static boolean storefrontGet(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) && request.getQueryString() == null
				&& PATHS.contains(request.getRequestURI());
	}

	private static boolean anonymousView(HttpServletRequest request) {
		if (!storefrontGet(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (!NEUTRAL_COOKIES.contains(c.getName())) {
					return false;
				}
			}
		}
		return true;
	}

	static Page capture(ContentCachingResponseWrapper captured) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (String name : captured.getHeaderNames()) {
			if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
				for (String value : captured.getHeaders(name)) {
					headers.add(Map.entry(name, value));
				}
			}
		}
		return new Page(captured.getContentType(), List.copyOf(headers), captured.getContentAsByteArray());
	}

	static void replay(Page page, HttpServletResponse response) throws IOException {
		replay(page, page.body(), response);
	}

	static void replay(Page page, byte[] body, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		for (Map.Entry<String, String> h : page.headers()) {
			response.addHeader(h.getKey(), h.getValue());
		}
		if (page.contentType() != null) {
			response.setContentType(page.contentType());
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
