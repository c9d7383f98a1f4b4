package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Estimates a setup from what the service row already says (attempts, last failure) and
 * the configured back-off: no extra query. Pages use it as {@code @setupProgress.of(s)}.
 */
@Component("setupProgress")
public class SetupEstimates {

	/**
	 * One attempt usually takes a few seconds; the estimate allows for a slow panel.
	 */
	static final Duration ONE_ATTEMPT = Duration.ofSeconds(45);

	private final ProvisioningProperties properties;

	private final Clock clock;

	SetupEstimates(ProvisioningProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	public SetupProgress of(HostingService s) {
		Instant now = Instant.now(clock);
		int max = properties.maxAttempts();
		if (!s.status().inProgress()) {
			int step = s.status() == ServiceStatus.FAILED ? 2 : 3;
			return new SetupProgress(s.id(), s.status(), step, s.attempts(), max, false, null, null, 0);
		}
		// a failed attempt leaves its error with the claim released: the next one waits
		// for its back-off
		boolean retrying = s.lastError() != null && s.lastFailedAt() != null && s.attempts() > 0
				&& (s.lastAttemptAt() == null || !s.lastFailedAt().isBefore(s.lastAttemptAt()));
		Instant next = retrying ? s.lastFailedAt().plus(properties.backoffAfter(s.attempts())) : null;
		Instant start = next != null ? next : (s.lastAttemptAt() != null ? s.lastAttemptAt() : s.createdAt());
		Instant ready = start.plus(ONE_ATTEMPT);
		if (ready.isBefore(now)) {
			ready = now.plus(ONE_ATTEMPT);
		}
		long minutes = Math.max(1, (Duration.between(now, ready).toSeconds() + 59) / 60);
		int attempt = retrying ? Math.min(s.attempts() + 1, max) : Math.max(1, s.attempts());
		return new SetupProgress(s.id(), s.status(), 2, attempt, max, retrying, next, ready, minutes);
	}

}
