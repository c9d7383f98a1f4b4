package org.hostwright.agency;

import java.util.EnumSet;

import org.hostwright.platform.ConflictException;
import org.hostwright.platform.States;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hostwright.agency.SiteStatus.*;

/** The seed's transition table, exactly. */
class SiteStatusTests {

	@Test
	void allowedTargetsAreTheSeedsTable() {
		assertThat(DRAFT.targets()).containsExactlyInAnyOrder(POC_READY, CANCELLED);
		assertThat(POC_READY.targets()).containsExactlyInAnyOrder(PROPOSAL_SENT, CANCELLED);
		assertThat(PROPOSAL_SENT.targets()).containsExactlyInAnyOrder(ACCEPTED, CANCELLED);
		assertThat(ACCEPTED.targets()).containsExactlyInAnyOrder(LIVE, CANCELLED);
		assertThat(LIVE.targets()).containsExactlyInAnyOrder(SUSPENDED, CANCELLED);
		assertThat(SUSPENDED.targets()).containsExactlyInAnyOrder(LIVE, CANCELLED);
		assertThat(CANCELLED.targets()).isEmpty();
	}

	@Test
	void everyMoveOutsideTheTableIsRefusedWithAConflictNamingBothStatuses() {
		for (SiteStatus from : SiteStatus.values()) {
			for (SiteStatus to : EnumSet.complementOf(EnumSet.copyOf(from.targets()))) {
				assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(ConflictException.class)
					.hasMessageContaining(from.wire())
					.hasMessageContaining(to.wire());
			}
		}
	}

	@Test
	void wireNamesAreSnakeCase() {
		assertThat(POC_READY.wire()).isEqualTo("poc_ready");
		assertThat(States.parse(SiteStatus.class, "proposal_sent")).contains(PROPOSAL_SENT);
		assertThat(States.parse(SiteStatus.class, "nonsense")).isEmpty();
	}

}
