package org.hostwright.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's clock in sandbox mode: the system clock plus an offset that can only
 * move forward, so renewals, due dates and expiries can be walked through (and tested)
 * without waiting. Outside sandbox mode the platform's clock is the plain system clock
 * and this class is not used.
 */
public final class SandboxClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	SandboxClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO));
	}

	private SandboxClock(Clock base, AtomicReference<Duration> offset) {
		this.base = base;
		this.offset = offset;
	}

	/** Moves the clock forward; answers the new now. */
	public Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("The sandbox clock only moves forward");
		}
		offset.accumulateAndGet(by, Duration::plus);
		return instant();
	}

	/** Back to real time (tests put it back when they are done). */
	public void reset() {
		offset.set(Duration.ZERO);
	}

	public Duration offset() {
		return offset.get();
	}

	@Override
	public ZoneId getZone() {
		return base.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		// shares the offset: a zoned view moves with the platform's clock
		return new SandboxClock(base.withZone(zone), offset);
	}

	@Override
	public Instant instant() {
		return base.instant().plus(offset.get());
	}

}
