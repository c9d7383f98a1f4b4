package org.hostwright.notifications;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * Where an outbox message stands: queued → sent, or queued → failed after repeated
 * failures; a held message (no SMTP configured) stays for admins to read.
 */
enum OutboxStatus implements Lifecycle<OutboxStatus> {

	/** waiting for SMTP delivery */
	QUEUED,
	/** delivered to the SMTP server */
	SENT,
	/** no SMTP configured: kept for admins to read */
	HELD,
	/** delivery gave up after repeated failures */
	FAILED;

	@Override
	public Set<OutboxStatus> targets() {
		return switch (this) {
			// held: SMTP was switched off between queueing and delivery
			case QUEUED -> EnumSet.of(SENT, HELD, FAILED);
			case SENT, HELD, FAILED -> EnumSet.noneOf(OutboxStatus.class);
		};
	}

}
