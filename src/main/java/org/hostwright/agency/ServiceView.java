package org.hostwright.agency;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A client service in the JSON API (snake_case field names as the API documents them,
 * nulls included).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ServiceView(long id, long hostedSiteId, String serviceType, String name, String status, String billingPeriod,
		long priceCents, String currency, Long addonProductId, String domainName, String registrar,
		Integer mailboxCount, Instant expiresAt, Instant periodStart, Instant periodEnd, boolean autoRenew,
		String notes, Instant createdAt, Instant updatedAt) {

	static ServiceView of(ClientService s) {
		return new ServiceView(s.id(), s.hostedSiteId(), ServiceKinds.wire(s.serviceType()), s.name(),
				ServiceKinds.wire(s.status()), ServiceKinds.wire(s.billingPeriod()), s.priceCents(), s.currency(),
				s.addonProductId(), s.domainName(), s.registrar(), s.mailboxCount(), s.expiresAt(), s.periodStart(),
				s.periodEnd(), s.autoRenew(), s.notes(), s.createdAt(), s.updatedAt());
	}

}
