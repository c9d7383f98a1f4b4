package org.hostwright.agency;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hostwright.sites.Website;
import org.hostwright.sites.Websites;

import org.springframework.stereotype.Service;

/**
 * What the agency's client sees of what it bought: its websites (never cancelled ones)
 * with their address and client services. Only the sites accepted for the caller's own
 * account are read.
 */
@Service
class ClientArea {

	/**
	 * A client's website with its services, as the "My website" page and
	 * {@code GET /api/me/sites} show it.
	 */
	record ClientSite(long id, String businessName, String status, String liveDomain, String siteUrl,
			List<ClientSiteService> services) {
	}

	record ClientSiteService(String serviceType, String name, String status, String billingPeriod, long priceCents,
			String currency, Instant expiresAt) {

		static ClientSiteService of(ClientService s) {
			return new ClientSiteService(ServiceKinds.wire(s.serviceType()), s.name(), ServiceKinds.wire(s.status()),
					ServiceKinds.wire(s.billingPeriod()), s.priceCents(), s.currency(), s.expiresAt());
		}

	}

	private final HostedSiteRepository repository;

	private final ClientServiceRepository services;

	private final Websites websites;

	ClientArea(HostedSiteRepository repository, ClientServiceRepository services, Websites websites) {
		this.repository = repository;
		this.services = services;
		this.websites = websites;
	}

	List<ClientSite> sitesOf(long customerId) {
		List<HostedSite> own = repository.ofMerchant(customerId)
			.stream()
			.filter(s -> s.status() != SiteStatus.CANCELLED)
			.toList();
		Map<Long, Website> byId = websites.findAll(own.stream().map(HostedSite::storeId).toList());
		return own.stream().map(site -> {
			Website w = byId.get(site.storeId());
			// the address the client shares: its domain once live, else where the website
			// can be seen now
			String url = w == null ? null : websites.publicUrl(w);
			return new ClientSite(site.id(), site.businessName(), site.status().wire(), site.liveDomain(), url,
					services.forSite(site.id()).stream().map(ClientSiteService::of).toList());
		}).toList();
	}

	/**
	 * Whether the customer is one of the agency's clients (for the navigation and the
	 * dashboard).
	 */
	boolean isClient(long customerId) {
		return repository.anyOfMerchant(customerId);
	}

}
