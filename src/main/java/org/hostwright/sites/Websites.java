package org.hostwright.sites;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

import org.hostwright.platform.ConflictException;
import org.hostwright.platform.DomainNames;
import org.hostwright.platform.Fields;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.hostwright.platform.Slugs;
import org.springframework.transaction.annotation.Transactional;

/**
 * The websites module's API: creates a website with a unique subdomain, edits its
 * settings and pages, and changes how it is served (owner, live domain,
 * online/suspended/closed). Every method validates its input and changes nothing when it
 * refuses.
 */
@Service
public class Websites {

	static final List<String> THEMES = List.of("classic", "modern");

	/**
	 * Longest subdomain label made from a business name (DNS allows 63; room is left for
	 * "-2"…).
	 */
	static final int SUBDOMAIN_MAX = 50;

	private static final String STARTER = """
			## Welcome to %s

			We are glad to see you here. This page is a first draft: tell visitors what you do,
			where to find you and how to reach you.
			""";

	private final WebsiteRepository sites;

	private final PageRepository pages;

	private final HostRouting routing;

	private final Clock clock;

	Websites(WebsiteRepository sites, PageRepository pages, HostRouting routing, Clock clock) {
		this.sites = sites;
		this.pages = pages;
		this.routing = routing;
		this.clock = clock;
	}

	/**
	 * Creates a website named after the business, on a free subdomain made from that
	 * name.
	 */
	@Transactional
	public Website create(String businessName, String contactEmail, String contactPhone) {
		String slug = Slugs.of(businessName, SUBDOMAIN_MAX, "site");
		String subdomain = slug;
		for (int attempt = 2; sites.subdomainTaken(subdomain); attempt++) {
			subdomain = attempt <= 1 ? slug : slug + "-" + attempt;
		}
		long id = sites.insert(subdomain, businessName.strip(), contactEmail, contactPhone, now());
		// a starter page, so a new site is never blank and the editor opens on something
		// to change
		long home = pages.insert(id, new PageDraft("Home", "home", STARTER.formatted(businessName.strip()), 10), now());
		sites.setColumn(id, "home_page_id", home, now());
		return require(id);
	}

	public Optional<Website> find(long id) {
		return sites.find(id);
	}

	/** The websites with these ids, by id, in one query (for list pages). */
	public Map<Long, Website> findAll(Collection<Long> ids) {
		return sites.findAll(ids).stream().collect(Collectors.toMap(Website::id, w -> w));
	}

	public Website require(long id) {
		return sites.find(id).orElseThrow(() -> new NotFoundException("website"));
	}

	public List<WebsitePage> pages(long websiteId) {
		return pages.list(websiteId);
	}

	public WebsitePage requirePage(long websiteId, long pageId) {
		return pages.find(websiteId, pageId).orElseThrow(() -> new NotFoundException("page"));
	}

	@Transactional
	public Website updateSettings(long id, WebsiteSettings s) {
		require(id);
		List<FieldProblem> problems = new ArrayList<>();
		String name = Fields.required(problems, "name", s.name(), 160);
		String logo = Fields.optionalUrl(problems, "logoUrl", s.logoUrl());
		String color = s.primaryColor() == null || s.primaryColor().isBlank() ? "#0d9488" : s.primaryColor().trim();
		if (!color.matches("^#[0-9a-fA-F]{6}$")) {
			problems.add(new FieldProblem("primaryColor", "sites.color.invalid", "Use a colour like #0d9488."));
		}
		String theme = s.theme() == null || s.theme().isBlank() ? "classic" : s.theme().trim();
		if (!THEMES.contains(theme)) {
			problems.add(new FieldProblem("theme", "sites.theme.invalid", "Choose one of the themes."));
		}
		String email = Fields.optionalEmail(problems, "contactEmail", s.contactEmail());
		if (s.homePageId() != null && pages.find(id, s.homePageId()).isEmpty()) {
			problems.add(new FieldProblem("homePageId", "sites.home.invalid", "Choose one of this site's pages."));
		}
		Fields.throwIfAny(problems);
		sites.updateSettings(id,
				new WebsiteSettings(name, logo, color.toLowerCase(Locale.ROOT), theme, Fields.trimTo(s.tagline(), 200),
						email, Fields.trimTo(s.contactPhone(), 40), Fields.trimTo(s.contactAddress(), 300),
						s.homePageId()),
				now());
		return require(id);
	}

	@Transactional
	public WebsitePage addPage(long websiteId, PageDraft draft) {
		require(websiteId);
		PageDraft valid = validPage(websiteId, draft, null);
		long pageId = pages.insert(websiteId, valid, now());
		if (require(websiteId).homePageId() == null) {
			sites.setColumn(websiteId, "home_page_id", pageId, now());
		}
		return requirePage(websiteId, pageId);
	}

	@Transactional
	public WebsitePage updatePage(long websiteId, long pageId, PageDraft draft) {
		requirePage(websiteId, pageId);
		pages.update(pageId, validPage(websiteId, draft, pageId), now());
		sites.touch(websiteId, now());
		return requirePage(websiteId, pageId);
	}

	@Transactional
	public void deletePage(long websiteId, long pageId) {
		requirePage(websiteId, pageId);
		Website site = require(websiteId);
		if (site.homePageId() != null && site.homePageId() == pageId) {
			sites.setColumn(websiteId, "home_page_id", null, now());
		}
		pages.delete(pageId);
		List<WebsitePage> rest = pages.list(websiteId);
		if (require(websiteId).homePageId() == null && !rest.isEmpty()) {
			sites.setColumn(websiteId, "home_page_id", rest.get(0).id(), now());
		}
	}

	/**
	 * Makes a new website public on its subdomain and path (its POC is ready); until then
	 * only admins see it there.
	 */
	@Transactional
	public void publish(long id) {
		require(id);
		sites.setColumn(id, "published", true, now());
	}

	/**
	 * Hands the website to the client's customer account (on acceptance of the proposal).
	 */
	@Transactional
	public void assignOwner(long id, long customerId) {
		require(id);
		sites.setColumn(id, "owner_id", customerId, now());
	}

	/**
	 * Makes the website answer on the client's own domain.
	 * @throws InvalidInputException (field {@code domain}) when it is not a valid host
	 * name or is the platform's own
	 * @throws ConflictException when another website already uses the domain
	 */
	@Transactional
	public Website publishOn(long id, String rawDomain) {
		require(id);
		String domain = validLiveDomain(rawDomain);
		if (sites.liveDomainTaken(domain, id)) {
			throw new ConflictException("sites.domain.taken", "Another site already uses the domain " + domain + ".");
		}
		sites.setColumn(id, "live_domain", domain, now());
		routing.forget(domain);
		return require(id);
	}

	/**
	 * The normalised domain when it could be a client's live domain; otherwise a 400 on
	 * field {@code domain}.
	 */
	public String validLiveDomain(String rawDomain) {
		String domain = DomainNames.normalise(rawDomain)
			.orElseThrow(() -> new InvalidInputException("domain", "sites.domain.invalid",
					"Enter a domain name such as boulangerie-parc.lu."));
		if (routing.isReserved(domain)) {
			throw new InvalidInputException("domain", "sites.domain.reserved",
					"This domain belongs to the platform; use the client's own domain.");
		}
		return domain;
	}

	@Transactional
	public void setServing(long id, Website.Serving serving) {
		Website site = require(id);
		sites.setColumn(id, "serving", serving.name().toLowerCase(Locale.ROOT), now());
		if (site.liveDomain() != null) {
			routing.forget(site.liveDomain());
		}
	}

	/**
	 * Stops answering on the live domain and frees it for another site (the site was
	 * cancelled).
	 */
	@Transactional
	public void releaseDomain(long id) {
		Website site = require(id);
		sites.setColumn(id, "live_domain", null, now());
		if (site.liveDomain() != null) {
			routing.forget(site.liveDomain());
		}
	}

	@Transactional
	public void delete(long id) {
		Website site = require(id);
		sites.delete(id);
		if (site.liveDomain() != null) {
			routing.forget(site.liveDomain());
		}
	}

	/**
	 * The address visitors use: the live domain once set, else the subdomain under the
	 * sites domain.
	 */
	public String publicUrl(Website site) {
		return routing.publicUrl(site);
	}

	private PageDraft validPage(long websiteId, PageDraft d, Long pageId) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Fields.required(problems, "title", d.title(), 160);
		String slug = d.slug() == null || d.slug().isBlank() ? Slugs.of(title, SUBDOMAIN_MAX, "page")
				: d.slug().trim().toLowerCase(Locale.ROOT);
		if (!slug.matches("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")) {
			problems.add(new FieldProblem("slug", "sites.slug.invalid", "Use lower-case letters, digits and dashes."));
		}
		else if (pages.slugTaken(websiteId, slug, pageId)) {
			problems.add(new FieldProblem("slug", "sites.slug.taken", "Another page of this site uses this slug."));
		}
		String body = d.bodyMarkdown() == null ? "" : d.bodyMarkdown();
		if (body.length() > 100_000) {
			problems.add(
					new FieldProblem("bodyMarkdown", "sites.body.tooLong", "A page holds at most 100,000 characters."));
		}
		Fields.throwIfAny(problems);
		int order = d.sortOrder() > 0 ? d.sortOrder()
				: pageId == null ? pages.nextSortOrder(websiteId) : requirePage(websiteId, pageId).sortOrder();
		return new PageDraft(title, slug, body, order);
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
