package org.hostwright.agency;

import java.util.List;

import org.springframework.stereotype.Component;

/** Small view helpers for the agency's admin pages ({@code @agencyUi} in templates). */
@Component("agencyUi")
class AgencyUi {

	public String badge(SiteStatus status) {
		return switch (status) {
			case DRAFT -> "text-bg-secondary";
			case POC_READY -> "text-bg-info";
			case PROPOSAL_SENT -> "text-bg-primary";
			case ACCEPTED -> "text-bg-warning";
			case LIVE -> "text-bg-success";
			case SUSPENDED -> "text-bg-danger";
			case CANCELLED -> "text-bg-dark";
		};
	}

	public String badge(String wire) {
		return switch (wire) {
			case "active", "converted", "live" -> "text-bg-success";
			case "pending", "new" -> "text-bg-secondary";
			case "contacted", "poc_ready" -> "text-bg-info";
			case "qualified", "proposal_sent" -> "text-bg-primary";
			case "suspended", "expired" -> "text-bg-warning";
			case "cancelled", "lost" -> "text-bg-dark";
			default -> "text-bg-light";
		};
	}

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
