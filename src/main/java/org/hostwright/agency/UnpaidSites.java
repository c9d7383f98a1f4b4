package org.hostwright.agency;

import java.util.List;

import org.hostwright.billing.Billing;
import org.hostwright.billing.ServiceSuspensions;
import org.hostwright.billing.StartSubscription;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing automation's suspension of an agency client's unpaid services: the site
 * they belong to moves live → suspended (its website is no longer served) through the
 * site's state machine, and back to live once paid. A site with several client services
 * may be held by several unpaid invoices: each one's suspension counts (so paying one
 * does not bring the site back while another still holds it), and the site comes back
 * when the last is paid. A site an admin suspended by hand, or one not live yet, is left
 * alone. Termination is the agency's decision: billing never ends a client's site.
 */
@Component
class UnpaidSites implements ServiceSuspensions {

	private final ClientServiceRepository services;

	private final HostedSitePipeline pipeline;

	private final HostedSiteRepository sites;

	private final Billing billing;

	UnpaidSites(ClientServiceRepository services, HostedSitePipeline pipeline, HostedSiteRepository sites,
			Billing billing) {
		this.services = services;
		this.pipeline = pipeline;
		this.sites = sites;
		this.billing = billing;
	}

	@Override
	public String serviceKind() {
		return StartSubscription.AGENCY;
	}

	@Override
	@Transactional
	public boolean suspend(long serviceId, String reason) {
		Long siteId = siteOf(serviceId);
		if (siteId == null) {
			return false;
		}
		HostedSite site = sites.lock(siteId).orElse(null);
		if (site == null) {
			return false;
		}
		if (site.status() == SiteStatus.LIVE) {
			return pipeline.suspendUnpaid(siteId, reason);
		}
		// already suspended by another unpaid invoice of the site: this one holds it too
		return site.status() == SiteStatus.SUSPENDED && billing.holdsSuspension(serviceKind(), servicesOf(siteId));
	}

	@Override
	@Transactional
	public boolean restore(long serviceId, String reason) {
		Long siteId = siteOf(serviceId);
		if (siteId == null) {
			return false;
		}
		HostedSite site = sites.lock(siteId).orElse(null);
		if (site == null || site.status() != SiteStatus.SUSPENDED) {
			return false;
		}
		if (billing.holdsSuspension(serviceKind(), servicesOf(siteId))) {
			// another unpaid invoice of the site still holds it
			return false;
		}
		return pipeline.reactivatePaid(siteId, reason);
	}

	@Override
	public boolean terminate(long serviceId, String reason) {
		return false;
	}

	private Long siteOf(long serviceId) {
		return services.find(serviceId).map(ClientService::hostedSiteId).orElse(null);
	}

	private List<Long> servicesOf(long siteId) {
		return services.forSite(siteId).stream().map(ClientService::id).toList();
	}

}
