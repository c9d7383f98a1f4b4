package org.hostwright.provisioning;

import java.time.Instant;

/**
 * A panel job's hold on a service: until when, and which job (its task instance id) took
 * it. The owner is what lets a run revived after its node died carry on at once instead
 * of waiting out its own dead predecessor's lease.
 */
record ServiceLease(Instant until, String owner) {

	/**
	 * Whether the job {@code job} must wait: someone else holds the service past
	 * {@code now}. A lease held by the same job was left by one of its own runs that was
	 * cut off (a finished or failed run releases it), so it does not block.
	 */
	boolean blocks(String job, Instant now) {
		return until.isAfter(now) && !job.equals(owner);
	}

}
