package org.hostwright.notifications;

/** Where an outbox message stands. */
enum OutboxStatus {

	/** waiting for SMTP delivery */
	QUEUED,
	/** delivered to the SMTP server */
	SENT,
	/** no SMTP configured: kept for admins to read */
	HELD,
	/** delivery gave up after repeated failures */
	FAILED

}
