package org.hostwright.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.hostwright.catalog.PublicPageCache.Page;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The storefront ({@code /}, {@code /plans}) as one signed-in viewer sees it, answered
 * from memory when the same viewer looks again within a few seconds (a customer going
 * back and forth between the plans and the home page, a page reloaded): the template is
 * not rendered again. Runs after the security chain, so the session was read and the
 * viewer is known; the viewer (who is signed in, with which roles, whether an admin
 * impersonates) is part of the key, so nobody is ever shown another's page. The one part
 * of the page that belongs to the request, the CSRF token of its forms (sign-out), is
 * written in anew on every answer. Kept for as long as anonymous pages
 * ({@code HOSTWRIGHT_PUBLIC_PAGE_TTL}) and keyed on the catalog version, so a plan change
 * shows at once; a page carrying a one-time message (a flash after a redirect) is never
 * kept nor served from here.
 */
class ViewerPageCache extends OncePerRequestFilter {

	private static final Pattern CSRF_FIELD = Pattern.compile("(name=\"_csrf\" value=\")[^\"]*(\")");

	private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	private final Catalog catalog;

	private final LocaleResolver locales;

	private final Clock clock;

	private final Cache<Key, Kept> pages;

	private final boolean off;

	ViewerPageCache(Catalog catalog, LocaleResolver locales, Clock clock, CatalogProperties properties) {
		this.catalog = catalog;
		this.locales = locales;
		this.clock = clock;
		this.off = properties.publicPageTtl().isZero();
		this.pages = CacheBuilder.newBuilder().maximumSize(2_000).expireAfterWrite(properties.publicPageTtl()).build();
	}

	private record Key(String host, String path, Locale locale, long catalogVersion, LocalDate date, String viewer) {
	}

	/**
	 * A page kept with its body cut where the CSRF tokens were, so an answer writes the
	 * pieces with the request's own token between them.
	 */
	private record Kept(Page page, List<byte[]> pieces) {

		static Kept of(Page page) {
			List<byte[]> pieces = new ArrayList<>();
			String html = new String(page.body(), StandardCharsets.UTF_8);
			Matcher m = CSRF_FIELD.matcher(html);
			int from = 0;
			while (m.find()) {
				pieces.add(html.substring(from, m.end(1)).getBytes(StandardCharsets.UTF_8));
				from = m.start(2);
			}
			pieces.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
			return new Kept(page, List.copyOf(pieces));
		}

		byte[] body(String token) {
			if (pieces.size() == 1) {
				return pieces.get(0);
			}
			byte[] t = token.getBytes(StandardCharsets.UTF_8);
			int length = t.length * (pieces.size() - 1);
			for (byte[] p : pieces) {
				length += p.length;
			}
			byte[] body = new byte[length];
			int at = 0;
			for (int i = 0; i < pieces.size(); i++) {
				if (i > 0) {
					System.arraycopy(t, 0, body, at, t.length);
					at += t.length;
				}
				System.arraycopy(pieces.get(i), 0, body, at, pieces.get(i).length);
				at += pieces.get(i).length;
			}
			return body;
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String viewer = off || !PublicPageCache.storefrontGet(request) || pendingFlash(request) ? null
				: viewer(SecurityContextHolder.getContext().getAuthentication());
		if (viewer == null) {
			chain.doFilter(request, response);
			return;
		}
		Key key = new Key(request.getServerName().toLowerCase(Locale.ROOT), request.getRequestURI(),
				locales.resolveLocale(request), catalog.version(), LocalDate.now(clock), viewer);
		Kept kept = pages.getIfPresent(key);
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (kept != null && token != null) {
			PublicPageCache.replay(kept.page(), kept.body(token.getToken()), response);
			return;
		}
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, captured);
		if (Boolean.TRUE.equals(request.getAttribute(PublicPageCache.PUBLIC))
				&& captured.getStatus() == HttpServletResponse.SC_OK
				&& captured.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			pages.put(key, Kept.of(PublicPageCache.capture(captured)));
		}
		captured.copyBodyToResponse();
	}

	/** Who sees the page, or null for nobody signed in (the public cache's case). */
	private static String viewer(Authentication auth) {
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return null;
		}
		// the principal is read from the session anew on every request: its own identity
		// would make every view a miss
		StringBuilder viewer = new StringBuilder(auth.getClass().getName()).append('|').append(auth.getName());
		for (GrantedAuthority authority : auth.getAuthorities()) {
			viewer.append('|').append(authority.getAuthority());
			if (authority instanceof SwitchUserGrantedAuthority switched) {
				// an admin viewing as this customer: whose view it is
				viewer.append('@').append(switched.getSource().getName());
			}
		}
		return viewer.toString();
	}

	/**
	 * Whether a one-time message waits for this page (one meant for another page, e.g.
	 * the dashboard after sign-in, does not count: this page would not show it).
	 */
	private static boolean pendingFlash(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(FLASH_MAPS) instanceof Collection<?> maps)) {
			return false;
		}
		for (Object o : maps) {
			if (o instanceof FlashMap flash && !flash.isExpired() && (flash.getTargetRequestPath() == null
					|| flash.getTargetRequestPath().equals(request.getRequestURI()))) {
				return true;
			}
		}
		return false;
	}

}
