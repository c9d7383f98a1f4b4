package org.hostwright.agency;

import java.time.Instant;
import java.util.List;

/** Someone the agency may build a site for: found from a domain or captured as a lead. */
record Prospect(long id, String source, String domain, String businessName, String contactName, String contactEmail,
		String contactPhone, String notes, int score, List<String> scoreReasons, ProspectStatus status,
		Instant createdAt, Instant updatedAt) {

	/** The name to show: the business name, else the domain. */
	public String displayName() {
		return businessName != null ? businessName : domain;
	}

}
