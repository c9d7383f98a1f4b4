package org.hostwright.agency;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * A hosted site's status and the agency seed's transition table (docs/agency.md), the one
 * place that says which move is allowed: draft → poc_ready → proposal_sent → accepted →
 * live ⇄ suspended, and any of them → cancelled, which is terminal.
 */
public enum SiteStatus implements Lifecycle<SiteStatus> {

	DRAFT, POC_READY, PROPOSAL_SENT, ACCEPTED, LIVE, SUSPENDED, CANCELLED;

	@Override
	public Set<SiteStatus> targets() {
		return switch (this) {
			case DRAFT -> EnumSet.of(POC_READY, CANCELLED);
			case POC_READY -> EnumSet.of(PROPOSAL_SENT, CANCELLED);
			case PROPOSAL_SENT -> EnumSet.of(ACCEPTED, CANCELLED);
			case ACCEPTED -> EnumSet.of(LIVE, CANCELLED);
			case LIVE -> EnumSet.of(SUSPENDED, CANCELLED);
			case SUSPENDED -> EnumSet.of(LIVE, CANCELLED);
			case CANCELLED -> EnumSet.noneOf(SiteStatus.class);
		};
	}

}
