package org.hostwright.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.SandboxClock;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the platform's clock forward in sandbox mode, so a newcomer walks renewals,
 * reminders, suspension and termination in minutes; outside sandbox mode the clock is the
 * real one and this endpoint does not exist (404).
 */
@Tag(name = "Sandbox", description = "The sandbox clock")
@RestController
class SandboxClockApiController {

	static final int MAX_DAYS = 3650;

	private final Clock clock;

	private final ClockOffsetStore store;

	private final AuditLog audit;

	SandboxClockApiController(Clock clock, ClockOffsetStore store, AuditLog audit) {
		this.clock = clock;
		this.store = store;
		this.audit = audit;
	}

	record AdvanceRequest(Integer advanceDays) {
	}

	record ClockResponse(Instant now, long offsetDays) {
	}

	@Operation(summary = "Move the sandbox clock forward by advance_days (1 to 3650); 404 outside sandbox mode")
	@PostMapping("/api/admin/sandbox/clock")
	@Transactional
	ClockResponse advance(@RequestBody(required = false) AdvanceRequest body) {
		if (!(clock instanceof SandboxClock sandbox)) {
			throw new NotFoundException("sandbox clock");
		}
		Integer days = body == null ? null : body.advanceDays();
		if (days == null || days < 1 || days > MAX_DAYS) {
			throw new InvalidInputException("advance_days", "sandbox.clock.days",
					"Give a whole number of days from 1 to {0}.", MAX_DAYS);
		}
		Instant now = sandbox.advance(Duration.ofDays(days));
		store.save(sandbox.offset());
		audit.record("sandbox.clock.advanced", "sandbox_clock", 1, "+" + days + " days, now " + now);
		return new ClockResponse(now, sandbox.offset().toDays());
	}

}
