package org.hostwright.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.Role;
import org.hostwright.audit.AuditLog;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.PhoneNumbers;
import org.hostwright.sites.Website;
import org.hostwright.sites.Websites;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The POC → live pipeline. Each action is one transaction: the row is locked, the move is
 * checked against {@link SiteStatus}'s table (an illegal one is a 409 and nothing
 * changes), then the status, its timestamp and the side effects (client account, website
 * owner and serving, subscription, prospect, e-mail) are written together.
 */
@Service
class HostedSitePipeline {

	/**
	 * The outcome of an acceptance; the temporary password is set only when an account
	 * was created.
	 */
	record Accepted(HostedSite site, String temporaryPassword) {
	}

	private final HostedSiteRepository repository;

	private final HostedSites sites;

	private final Websites websites;

	private final Accounts accounts;

	private final Prospects prospects;

	private final Subscriptions subscriptions;

	private final Mailer mailer;

	private final PhoneNumbers phones;

	private final AgencyProperties agency;

	private final AuditLog audit;

	private final Clock clock;

	private final ClientBilling clientBilling;

	HostedSitePipeline(HostedSiteRepository repository, HostedSites sites, Websites websites, Accounts accounts,
			Prospects prospects, Subscriptions subscriptions, Mailer mailer, PhoneNumbers phones,
			AgencyProperties agency, AuditLog audit, Clock clock, ClientBilling clientBilling) {
		this.clientBilling = clientBilling;
		this.repository = repository;
		this.sites = sites;
		this.websites = websites;
		this.accounts = accounts;
		this.prospects = prospects;
		this.subscriptions = subscriptions;
		this.mailer = mailer;
		this.phones = phones;
		this.agency = agency;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The website becomes public on its subdomain and path (a draft is seen by admins
	 * only).
	 */
	@Transactional
	HostedSite markPocReady(long id) {
		HostedSite site = lock(id);
		repository.move(site, SiteStatus.POC_READY, now());
		websites.publish(site.storeId());
		return moved(site, SiteStatus.POC_READY, null);
	}

	/** Records the proposal and e-mails the contact the preview link. */
	@Transactional
	HostedSite sendProposal(long id, String notes) {
		HostedSite site = lock(id);
		site.status().checkMoveTo(SiteStatus.PROPOSAL_SENT);
		if (site.contactEmail() == null) {
			throw new InvalidInputException("contactEmail", "agency.proposal.noEmail",
					"Add the contact's e-mail address before sending the proposal.");
		}
		String clean = notes == null || notes.isBlank() ? null : notes.strip();
		if (clean != null && clean.length() > 5000) {
			throw new InvalidInputException("notes", "agency.tooLong", "Use at most 5000 characters.", 5000);
		}
		repository.markProposalSent(site, clean, now());
		HostedSite sent = moved(site, SiteStatus.PROPOSAL_SENT, null);
		Map<String, Object> model = new HashMap<>();
		model.put("name", site.contactName() == null ? site.businessName() : site.contactName());
		model.put("businessName", site.businessName());
		model.put("agencyName", agency.brandName());
		model.put("agencyColor", agency.brandColor());
		model.put("notes", clean == null ? "" : clean);
		model.put("previewUrl", sites.previewUrl(site));
		mailer.send(site.contactEmail(), "agency-proposal", agency.mailBrand().into(model));
		return sent;
	}

	/**
	 * Accepts the proposal: links the given customer or creates the client's account with
	 * a temporary password, hands the website to it, records the hosting subscription and
	 * converts the prospect. The admin's button, the API and the client's own Accept on
	 * the preview all come here.
	 */
	@Transactional
	Accepted accept(long id, Long merchantId) {
		HostedSite site = lock(id);
		site.status().checkMoveTo(SiteStatus.ACCEPTED);
		String password = null;
		long customerId;
		if (merchantId != null) {
			customerId = existingCustomer(merchantId).id();
		}
		else {
			if (site.contactEmail() == null || site.contactName() == null) {
				throw new InvalidInputException("contactEmail", "agency.accept.noContact",
						"Add the contact's name and e-mail address (or give a merchant_id) before accepting.");
			}
			accounts.findByEmail(site.contactEmail()).ifPresent(existing -> {
				throw new ConflictException("agency.accept.emailTaken",
						"An account with the e-mail " + site.contactEmail() + " already exists (id " + existing.id()
								+ "): accept with its merchant_id.",
						site.contactEmail(), String.valueOf(existing.id()));
			});
			String phone = phones.toE164(site.contactPhone()).orElse(null);
			// the client is e-mailed a link to choose a password, under the agency's
			// brand
			var credentials = accounts.createWithTemporaryPassword(site.contactName(), site.contactEmail(), phone,
					agency.mailBrand());
			customerId = credentials.account().id();
			password = credentials.temporaryPassword();
		}
		websites.assignOwner(site.storeId(), customerId);
		subscriptions.start(id, customerId, now());
		// the client's services are billed to the account from now on
		clientBilling.syncSite(id);
		if (site.prospectId() != null) {
			prospects.markConverted(site.prospectId());
		}
		repository.markAccepted(site, customerId, now());
		HostedSite accepted = moved(site, SiteStatus.ACCEPTED, null);
		return new Accepted(accepted, password);
	}

	/** Puts the website on the client's domain (validated, unique across sites). */
	@Transactional
	HostedSite goLive(long id, String rawDomain) {
		HostedSite site = lock(id);
		site.status().checkMoveTo(SiteStatus.LIVE);
		if (site.status() != SiteStatus.ACCEPTED) {
			// the table's other way to live, suspended → live, is a reactivation on the
			// existing domain
			throw new ConflictException("agency.goLive.suspended",
					"A site in status 'suspended' is already on its domain: reactivate it instead of going live again.");
		}
		String domain = websites.validLiveDomain(rawDomain);
		if (repository.liveDomainTaken(domain, id)) {
			throw new ConflictException("agency.domain.taken",
					"Another hosted site already uses the domain " + domain + ".", domain);
		}
		websites.publishOn(site.storeId(), domain);
		websites.setServing(site.storeId(), Website.Serving.ONLINE);
		repository.markLive(site, domain, now());
		return moved(site, SiteStatus.LIVE, domain);
	}

	@Transactional
	HostedSite suspend(long id) {
		HostedSite site = lock(id);
		site.status().checkMoveTo(SiteStatus.SUSPENDED);
		toSuspended(site);
		return moved(site, SiteStatus.SUSPENDED, null);
	}

	/**
	 * live → suspended by the billing automation (an unpaid invoice of the client's
	 * services), in the billing action's transaction; audited with the reason, without an
	 * actor.
	 * @return false when the site is not live (nothing changes)
	 */
	@Transactional
	boolean suspendUnpaid(long id, String reason) {
		HostedSite site = lock(id);
		if (site.status() != SiteStatus.LIVE) {
			return false;
		}
		toSuspended(site);
		audit.recordFor(null, null, "hosted_site.suspended", "hosted_site", id, "live → suspended: " + reason);
		return true;
	}

	/**
	 * suspended → live by the billing automation once the invoice is paid.
	 * @return false when the site is not suspended (an admin reactivated or cancelled it)
	 */
	@Transactional
	boolean reactivatePaid(long id, String reason) {
		HostedSite site = lock(id);
		if (site.status() != SiteStatus.SUSPENDED) {
			return false;
		}
		toLive(site);
		audit.recordFor(null, null, "hosted_site.live", "hosted_site", id, "suspended → live: " + reason);
		return true;
	}

	private void toSuspended(HostedSite site) {
		websites.setServing(site.storeId(), Website.Serving.SUSPENDED);
		subscriptions.setStatus(site.id(), Subscriptions.Status.SUSPENDED);
		repository.move(site, SiteStatus.SUSPENDED, now());
	}

	private void toLive(HostedSite site) {
		websites.setServing(site.storeId(), Website.Serving.ONLINE);
		subscriptions.setStatus(site.id(), Subscriptions.Status.ACTIVE);
		repository.move(site, SiteStatus.LIVE, now());
	}

	/** suspended → live: the website is served again on its domain. */
	@Transactional
	HostedSite reactivate(long id) {
		HostedSite site = lock(id);
		site.status().checkMoveTo(SiteStatus.LIVE);
		if (site.status() != SiteStatus.SUSPENDED) {
			// the table's other way to live, accepted → live, is going live on a domain
			throw new ConflictException("agency.reactivate.notSuspended",
					"Only a suspended site can be reactivated; this one is '" + site.status().wire() + "'.",
					site.status().wire());
		}
		toLive(site);
		return moved(site, SiteStatus.LIVE, null);
	}

	/**
	 * Final: the website stops being served and its domain is released for other sites.
	 */
	@Transactional
	HostedSite cancel(long id) {
		HostedSite site = lock(id);
		site.status().checkMoveTo(SiteStatus.CANCELLED);
		websites.setServing(site.storeId(), Website.Serving.CLOSED);
		subscriptions.setStatus(id, Subscriptions.Status.CANCELLED);
		if (site.liveDomain() != null) {
			websites.releaseDomain(site.storeId());
		}
		repository.markCancelled(site, now());
		return moved(site, SiteStatus.CANCELLED, null);
	}

	private Account existingCustomer(long merchantId) {
		if (merchantId <= 0) {
			throw new InvalidInputException("merchantId", "agency.merchant.invalid",
					"Give the id of a customer account.");
		}
		Account account = accounts.find(merchantId).orElseThrow(() -> new NotFoundException("merchant"));
		if (account.role() != Role.CUSTOMER) {
			throw new InvalidInputException("merchantId", "agency.merchant.notCustomer",
					"This account is not a customer account.");
		}
		return account;
	}

	private HostedSite lock(long id) {
		return repository.lock(id).orElseThrow(() -> new NotFoundException("hosted site"));
	}

	/**
	 * Records the move that the repository just wrote and answers the site as it now is.
	 */
	private HostedSite moved(HostedSite site, SiteStatus to, String liveDomain) {
		audit.record("hosted_site." + to.wire(), "hosted_site", site.id(),
				site.status().wire() + " → " + to.wire() + (liveDomain != null ? " on " + liveDomain : ""));
		return sites.require(site.id());
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
