package org.hostwright.agency;

import java.util.List;

import org.springframework.stereotype.Component;

/** Small view helpers for the agency's admin pages ({@code @agencyUi} in templates). */
@Component("agencyUi")
class AgencyUi {

	public String wire(Enum<?> value) {
		return ServiceKinds.wire(value);
	}

	public String scoreClass(int score) {
		return score >= 70 ? "text-bg-success" : score >= 40 ? "text-bg-warning" : "text-bg-secondary";
	}

	public List<SiteStatus> statuses() {
		return List.of(SiteStatus.values());
	}

	public List<String> serviceTypes() {
		return List.of("domain", "email", "ssl", "hosting", "website_maintenance");
	}

	public List<String> serviceStatuses() {
		return List.of("pending", "active", "suspended", "expired", "cancelled");
	}

	public List<String> billingPeriods() {
		return List.of("monthly", "annual", "one_time");
	}

	public List<String> prospectStatuses() {
		return List.of("new", "contacted", "qualified", "converted", "lost");
	}

}
