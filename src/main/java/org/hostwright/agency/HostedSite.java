package org.hostwright.agency;

import java.time.Instant;

/** A hosted site (the hosted_sites row) with its website's subdomain. */
record HostedSite(long id, long storeId, Long prospectId, Long merchantId, SiteStatus status, String businessName,
		String contactName, String contactEmail, String contactPhone, Instant proposalSentAt,
		Instant proposalAcceptedAt, Instant wentLiveAt, String proposalNotes, String liveDomain, String internalNotes,
		Instant createdAt, Instant updatedAt, String subdomain, String previewToken) {

	public boolean previewable() {
		return status == SiteStatus.POC_READY || status == SiteStatus.PROPOSAL_SENT;
	}

}
