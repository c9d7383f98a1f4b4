package org.hostwright.agency;

import java.util.EnumSet;

import org.hostwright.platform.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hostwright.agency.SiteStatus.*;

/** The seed's transition table, exactly. */
class SiteStatusTests {

	@Test
	void allowedTargetsAreTheSeedsTable() {
		assertThat(DRAFT.allowedTargets()).containsExactlyInAnyOrder(POC_READY, CANCELLED);
		assertThat(POC_READY.allowedTargets()).containsExactlyInAnyOrder(PROPOSAL_SENT, CANCELLED);
		assertThat(PROPOSAL_SENT.allowedTargets()).containsExactlyInAnyOrder(ACCEPTED, CANCELLED);
		assertThat(ACCEPTED.allowedTargets()).containsExactlyInAnyOrder(LIVE, CANCELLED);
		assertThat(LIVE.allowedTargets()).containsExactlyInAnyOrder(SUSPENDED, CANCELLED);
		assertThat(SUSPENDED.allowedTargets()).containsExactlyInAnyOrder(LIVE, CANCELLED);
		assertThat(CANCELLED.allowedTargets()).isEmpty();
	}

	@Test
	void everyMoveOutsideTheTableIsRefusedWithAConflictNamingBothStatuses() {
		for (SiteStatus from : SiteStatus.values()) {
			for (SiteStatus to : EnumSet.complementOf(EnumSet.copyOf(from.allowedTargets()))) {
				assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(ConflictException.class)
					.hasMessageContaining(from.wire())
					.hasMessageContaining(to.wire());
			}
		}
	}

	@Test
	void wireNamesAreSnakeCase() {
		assertThat(POC_READY.wire()).isEqualTo("poc_ready");
		assertThat(SiteStatus.parse("proposal_sent")).contains(PROPOSAL_SENT);
		assertThat(SiteStatus.parse("nonsense")).isEmpty();
	}

}
