package org.hostwright.agency;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A hosted site in the JSON API, with snake_case field names (null fields included so
 * clients see the whole model), plus the website's subdomain and addresses. The temporary
 * password appears only in the answer to an accept that created the client's account.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SiteView(long id, long storeId, Long prospectId, Long merchantId, String status, String businessName,
		String contactName, String contactEmail, String contactPhone, Instant proposalSentAt,
		Instant proposalAcceptedAt, Instant wentLiveAt, String proposalNotes, String liveDomain, String internalNotes,
		Instant createdAt, Instant updatedAt, String subdomain, String siteUrl, String previewUrl,
		@JsonInclude(JsonInclude.Include.NON_NULL) String temporaryPassword) {

	static SiteView of(HostedSite s, String siteUrl, String previewUrl, String temporaryPassword) {
		return new SiteView(s.id(), s.storeId(), s.prospectId(), s.merchantId(), s.status().wire(), s.businessName(),
				s.contactName(), s.contactEmail(), s.contactPhone(), s.proposalSentAt(), s.proposalAcceptedAt(),
				s.wentLiveAt(), s.proposalNotes(), s.liveDomain(), s.internalNotes(), s.createdAt(), s.updatedAt(),
				s.subdomain(), siteUrl, previewUrl, temporaryPassword);
	}

}
