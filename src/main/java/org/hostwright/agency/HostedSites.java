package org.hostwright.agency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import java.util.Map;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.Fields;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.Links;
import org.hostwright.platform.States;
import org.hostwright.sites.Website;
import org.hostwright.sites.Websites;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, editing and deleting hosted sites. Creating one always creates its
 * website (its store) on a unique subdomain made from the business name, in the same
 * transaction. Status changes live in {@link HostedSitePipeline}.
 */
@Service
class HostedSites {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HostedSiteRepository repository;

	private final Prospects prospects;

	private final Websites websites;

	private final AuditLog audit;

	private final Links links;

	private final Clock clock;

	HostedSites(HostedSiteRepository repository, Prospects prospects, Websites websites, AuditLog audit, Links links,
			Clock clock) {
		this.repository = repository;
		this.prospects = prospects;
		this.websites = websites;
		this.audit = audit;
		this.links = links;
		this.clock = clock;
	}

	HostedSite require(long id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("hosted site"));
	}

	HostedSite requireByStore(long storeId) {
		return repository.findByStore(storeId).orElseThrow(() -> new NotFoundException("hosted site"));
	}

	HostedSiteRepository.Page search(String status, String q, int page, int size) {
		SiteStatus s = status == null || status.isBlank() ? null
				: States.parse(SiteStatus.class, status)
					.orElseThrow(() -> new InvalidInputException("status", "agency.site.status.invalid",
							"Use one of draft, poc_ready, proposal_sent, accepted, live, suspended, cancelled."));
		return repository.search(s, q, Math.max(1, page), Math.max(1, Math.min(size, 100)));
	}

	SiteView view(HostedSite site) {
		return view(site, null);
	}

	/**
	 * Views of a page of sites, their websites read in one query rather than one per
	 * site.
	 */
	List<SiteView> views(List<HostedSite> page) {
		Map<Long, Website> byId = websites.findAll(page.stream().map(HostedSite::storeId).toList());
		return page.stream().map(site -> {
			Website w = byId.get(site.storeId());
			return SiteView.of(site, w == null ? null : websites.publicUrl(w), previewUrl(site), null);
		}).toList();
	}

	SiteView view(HostedSite site, String temporaryPassword) {
		String siteUrl = websites.find(site.storeId()).map(websites::publicUrl).orElse(null);
		return SiteView.of(site, siteUrl, previewUrl(site), temporaryPassword);
	}

	/**
	 * The POC viewer's address: unguessable, so only the people it was sent to can open
	 * it.
	 */
	String previewUrl(HostedSite site) {
		return links.url(previewPath(site));
	}

	static String previewPath(HostedSite site) {
		return "/hosting/sites/preview/" + site.previewToken();
	}

	/** 32 url-safe characters from 24 random bytes. */
	static String newPreviewToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Transactional
	HostedSite create(SiteInput input) {
		HostedSiteRepository.Contact contact = validate(input);
		return insert(contact, null);
	}

	@Transactional
	HostedSite createFromProspect(long prospectId) {
		Prospect p = prospects.require(prospectId);
		if (repository.openSiteForProspect(prospectId)) {
			throw new ConflictException("agency.prospect.hasSite", "This prospect already has a hosted site.");
		}
		var contact = new HostedSiteRepository.Contact(p.displayName(), p.contactName(), p.contactEmail(),
				p.contactPhone(), p.notes());
		return insert(contact, prospectId);
	}

	private HostedSite insert(HostedSiteRepository.Contact contact, Long prospectId) {
		Website website = websites.create(contact.businessName(), contact.contactEmail(), contact.contactPhone());
		long id = repository.insert(website.id(), website.subdomain(), prospectId, contact, newPreviewToken(), now());
		audit.record("hosted_site.created", "hosted_site", id, contact.businessName() + " (" + website.subdomain() + ")"
				+ (prospectId == null ? "" : " from prospect #" + prospectId));
		return require(id);
	}

	@Transactional
	HostedSite update(long id, SiteInput input) {
		HostedSite current = require(id);
		HostedSiteRepository.Contact contact = validate(input);
		String proposalNotes = input.proposalNotes() == null ? current.proposalNotes()
				: Fields.optional(new ArrayList<>(), "proposalNotes", input.proposalNotes(), 5000);
		repository.updateContact(id, contact, proposalNotes, now());
		audit.record("hosted_site.updated", "hosted_site", id, contact.businessName());
		return require(id);
	}

	/**
	 * Deletes a site and its website; a site that is live or suspended must be cancelled
	 * first.
	 */
	@Transactional
	void delete(long id) {
		HostedSite site = repository.lock(id).orElseThrow(() -> new NotFoundException("hosted site"));
		if (site.status() == SiteStatus.LIVE || site.status() == SiteStatus.SUSPENDED) {
			throw new ConflictException("agency.site.deleteLive",
					"A site that is live or suspended cannot be deleted; cancel it first.");
		}
		repository.delete(id);
		websites.delete(site.storeId());
		audit.record("hosted_site.deleted", "hosted_site", id, site.businessName());
	}

	long count() {
		return repository.count();
	}

	private static HostedSiteRepository.Contact validate(SiteInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = Fields.required(problems, "businessName", in.businessName(), 160);
		String contactName = Fields.optional(problems, "contactName", in.contactName(), 120);
		String email = Fields.optionalEmail(problems, "contactEmail", in.contactEmail());
		String phone = Fields.optional(problems, "contactPhone", in.contactPhone(), 40);
		String notes = Fields.optional(problems, "internalNotes", in.internalNotes(), 5000);
		Fields.throwIfAny(problems);
		return new HostedSiteRepository.Contact(name, contactName, email, phone, notes);
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
