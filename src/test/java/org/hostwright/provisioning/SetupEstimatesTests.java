package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The setup progress the customer sees, from the service row and the back-off alone. */
class SetupEstimatesTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final SetupEstimates estimates = new SetupEstimates(
			new ProvisioningProperties(List.of(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(180)),
					3, "Hollyn Lite", "", "", "hostwright.local", 5, Duration.ofHours(24)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aNewServiceIsOnTheFirstAttemptAndReadyWithinAMinute() {
		SetupProgress p = estimates.of(service(ServiceStatus.REQUESTED, 0, null, null, null));
		assertThat(p.step()).isEqualTo(2);
		assertThat(p.attempt()).isEqualTo(1);
		assertThat(p.maxAttempts()).isEqualTo(3);
		assertThat(p.retrying()).isFalse();
		assertThat(p.minutesLeft()).isEqualTo(1);
		assertThat(p.inProgress()).isTrue();
	}

	@Test
	void afterAFailedAttemptTheNextOneWaitsForItsBackOff() {
		Instant failedAt = NOW.minusSeconds(5);
		SetupProgress p = estimates
			.of(service(ServiceStatus.PROVISIONING, 2, "panel down", NOW.minusSeconds(8), failedAt));
		assertThat(p.retrying()).isTrue();
		assertThat(p.attempt()).isEqualTo(3);
		// after the second failure the wait is 60 s, then about one attempt
		assertThat(p.nextAttemptAt()).isEqualTo(failedAt.plusSeconds(60));
		assertThat(p.estimatedReadyAt()).isEqualTo(failedAt.plusSeconds(60).plus(SetupEstimates.ONE_ATTEMPT));
		assertThat(p.minutesLeft()).isEqualTo(2);
	}

	@Test
	void aRunningAttemptAfterAnEarlierFailureIsNotRetrying() {
		SetupProgress p = estimates
			.of(service(ServiceStatus.PROVISIONING, 2, "panel down", NOW.minusSeconds(1), NOW.minusSeconds(30)));
		assertThat(p.retrying()).isFalse();
		assertThat(p.attempt()).isEqualTo(2);
	}

	@Test
	void failedAndActiveAreFinished() {
		SetupProgress failed = estimates.of(service(ServiceStatus.FAILED, 3, "x", NOW, NOW));
		assertThat(failed.failed()).isTrue();
		assertThat(failed.step()).isEqualTo(2);
		assertThat(failed.minutesLeft()).isZero();
		SetupProgress active = estimates.of(service(ServiceStatus.ACTIVE, 1, null, NOW, null));
		assertThat(active.active()).isTrue();
		assertThat(active.step()).isEqualTo(3);
	}

	private static HostingService service(ServiceStatus status, int attempts, String error, Instant lastAttempt,
			Instant lastFailed) {
		return new HostingService(7, 1, UUID.randomUUID(), 2, 3, "hollyn-lite", "shop.co.tz", 1L, "Hollyn Lite", "shop",
				status, attempts, error, lastAttempt, null, lastFailed, NOW.minusSeconds(20), NOW);
	}

}
