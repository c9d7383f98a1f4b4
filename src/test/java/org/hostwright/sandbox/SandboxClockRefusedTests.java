package org.hostwright.sandbox;

import java.time.Clock;

import org.hostwright.platform.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside sandbox mode the platform's clock is the real one: moving it is "not found",
 * and nothing is stored or audited.
 */
class SandboxClockRefusedTests {

	@Test
	void outsideSandboxModeTheClockEndpointIsNotFound() {
		var controller = new SandboxClockApiController(Clock.systemUTC(), null, null);
		assertThatThrownBy(() -> controller.advance(new SandboxClockApiController.AdvanceRequest(3)))
			.isInstanceOf(NotFoundException.class);
	}

}
