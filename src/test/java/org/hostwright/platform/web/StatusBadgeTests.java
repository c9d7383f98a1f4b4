package org.hostwright.platform.web;

import java.util.List;

import org.hostwright.ordering.OrderStatus;
import org.hostwright.payments.AttemptStatus;
import org.hostwright.provisioning.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One colour map for every kind of status, whatever form the status comes in. */
class StatusBadgeTests {

	private final StatusBadge badge = new StatusBadge();

	@Test
	void aStatusHasOneColourWhetherGivenAsLifecycleEnumNameOrWireForm() {
		assertThat(List.of(badge.css(OrderStatus.ACTIVE), badge.css(ServiceStatus.ACTIVE), badge.css("ACTIVE"),
				badge.css("active")))
			.containsOnly("text-bg-success");
		assertThat(List.of(badge.css(OrderStatus.FAILED), badge.css(AttemptStatus.FAILED), badge.css("failed")))
			.containsOnly("text-bg-danger");
		assertThat(badge.css(ServiceStatus.PROVISIONING)).isEqualTo("text-bg-info");
		assertThat(badge.css("poc_ready")).isEqualTo("text-bg-info");
		assertThat(badge.css(ServiceStatus.SUSPENDED)).isEqualTo("text-bg-warning");
		assertThat(badge.css(OrderStatus.CANCELLED)).isEqualTo("text-bg-secondary");
		assertThat(badge.css(null)).isEqualTo("text-bg-secondary");
	}

	@Test
	void theWireFormIsReadFromAnyForm() {
		assertThat(badge.wire(ServiceStatus.PROVISIONING)).isEqualTo("provisioning");
		assertThat(badge.wire(" PAID ")).isEqualTo("paid");
		assertThat(badge.wire(null)).isEmpty();
	}

}
