package org.hostwright.sites;

import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.PageController;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Serves a client website's pages, either under {@code /sites/{subdomain}/} on the
 * platform or at the root of its own host (forwarded here by {@link SiteHostFilter}). A
 * suspended site answers 503 with a neutral page; a closed or unknown one 404.
 */
@PageController
class SiteServingController {

	private final WebsiteRepository sites;

	private final PageRepository pages;

	private final Markdown markdown;

	private final HostRouting routing;

	private final Clock clock;

	private final SiteImages images;

	SiteServingController(WebsiteRepository sites, PageRepository pages, Markdown markdown, HostRouting routing,
			SiteImages images, Clock clock) {
		this.images = images;
		this.clock = clock;
		this.sites = sites;
		this.pages = pages;
		this.markdown = markdown;
		this.routing = routing;
	}

	/**
	 * A host the platform does not serve (forwarded here by {@link SiteHostFilter}): a
	 * neutral page.
	 */
	@RequestMapping(SiteHostFilter.NO_SITE_PATH)
	String noSite(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setHeader("Cache-Control", "no-cache");
		return "sites/no-site";
	}

	/**
	 * An uploaded image, by its random name; images never change, so browsers may keep
	 * them.
	 */
	@GetMapping("/sites/{subdomain}/images/{name}")
	ResponseEntity<byte[]> image(@PathVariable String subdomain, @PathVariable String name,
			HttpServletRequest request) {
		Website site = visible(subdomain, request);
		SiteImages.Content image = images.content(site.id(), name).orElseThrow(() -> new NotFoundException("image"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.body(image.data());
	}

	@GetMapping("/sites/{subdomain}")
	String root(@PathVariable String subdomain) {
		return "redirect:/sites/" + subdomain + "/";
	}

	@GetMapping("/sites/{subdomain}/")
	String home(@PathVariable String subdomain, HttpServletRequest request, HttpServletResponse response, Model model) {
		return render(subdomain, null, request, response, model);
	}

	@GetMapping("/sites/{subdomain}/{slug}")
	String page(@PathVariable String subdomain, @PathVariable String slug, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return render(subdomain, slug, request, response, model);
	}

	private String render(String subdomain, String slug, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Website site = visible(subdomain, request);
		response.setHeader("Content-Security-Policy",
				"default-src 'none'; img-src 'self' data: https: http:; "
						+ "style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'; "
						+ "frame-ancestors 'self' " + routing.platformOrigin());
		response.setHeader("Cache-Control", "no-cache");
		model.addAttribute("site", site);
		if (site.serving() == Website.Serving.SUSPENDED) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "3600");
			return "sites/unavailable";
		}
		List<WebsitePage> all = pages.list(site.id());
		Optional<WebsitePage> current = slug == null ? home(site, all)
				: all.stream().filter(p -> p.slug().equals(slug)).findFirst();
		if (slug != null && current.isEmpty()) {
			throw new NotFoundException("page");
		}
		boolean hostRouted = Boolean.TRUE.equals(request.getAttribute(SiteHostFilter.HOST_ROUTED));
		String base = hostRouted ? "/" : site.platformPath();
		model.addAttribute("base", base);
		model.addAttribute("pages", all);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("html", current.map(p -> markdown.toSafeHtml(p.bodyMarkdown(), base)).orElse(""));
		model.addAttribute("year", Year.now(clock).getValue());
		return "sites/site";
	}

	/**
	 * The site when visitors may see it: not closed, and published (its POC is ready)
	 * unless the viewer is an admin looking at a draft on the platform (a site's own host
	 * never carries a session).
	 */
	private Website visible(String subdomain, HttpServletRequest request) {
		return sites.findBySubdomain(subdomain)
			.filter(s -> s.serving() != Website.Serving.CLOSED)
			.filter(s -> s.published() || request.isUserInRole("ADMIN"))
			.orElseThrow(() -> new NotFoundException("site"));
	}

	private static Optional<WebsitePage> home(Website site, List<WebsitePage> all) {
		return all.stream()
			.filter(p -> site.homePageId() != null && p.id() == site.homePageId())
			.findFirst()
			.or(() -> all.stream().findFirst());
	}

}
