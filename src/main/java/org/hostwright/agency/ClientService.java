package org.hostwright.agency;

import java.time.Instant;

import org.hostwright.agency.ServiceKinds.Period;
import org.hostwright.agency.ServiceKinds.Status;
import org.hostwright.agency.ServiceKinds.Type;

/**
 * A recurring (or one-time) service the agency delivers to a client (domain, e-mail, SSL,
 * hosting or website maintenance).
 */
record ClientService(long id, long hostedSiteId, Type serviceType, String name, Status status, Period billingPeriod,
		long priceCents, String currency, Long addonProductId, String domainName, String registrar,
		Integer mailboxCount, Instant expiresAt, Instant periodStart, Instant periodEnd, boolean autoRenew,
		String notes, Instant createdAt, Instant updatedAt) {
}
