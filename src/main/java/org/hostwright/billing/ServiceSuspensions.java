package org.hostwright.billing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the billing automation asks of a module whose services billing renews: hosting
 * services (provisioning implements it) and agency client services (the agency moves the
 * client's site), so billing depends on neither. Each call does its work, or schedules
 * the existing durable job, in the caller's transaction, so it commits or rolls back with
 * the billing action that made it.
 */
public interface ServiceSuspensions {

	/**
	 * The kind of subscription whose services this acts on
	 * ({@link StartSubscription#HOSTING}, {@link StartSubscription#AGENCY}).
	 */
	String serviceKind();

	/**
	 * Suspends an active service for non-payment.
	 * @return false when the service is not active (nothing was scheduled)
	 */
	boolean suspend(long serviceId, String reason);

	/**
	 * Brings a service suspended for non-payment back, or cancels a suspension still
	 * waiting to run.
	 * @return false when there is nothing to restore
	 */
	boolean restore(long serviceId, String reason);

	/**
	 * Terminates the service's panel account; the service ends {@code cancelled}.
	 * @return false when it is already cancelled
	 */
	boolean terminate(long serviceId, String reason);

	/** A service of a batch, and the reason logged with its action. */
	record Request(long serviceId, String reason) {
	}

	/**
	 * {@link #suspend} of each service of a batch of the billing automation, in the
	 * caller's transaction: a module may do it with a few statements for the whole batch
	 * instead of several per service.
	 * @return the services {@link #suspend} would have answered true for
	 */
	default Set<Long> suspendAll(List<Request> requests) {
		Set<Long> done = new HashSet<>();
		for (Request r : requests) {
			if (suspend(r.serviceId(), r.reason())) {
				done.add(r.serviceId());
			}
		}
		return done;
	}

	/**
	 * {@link #restore} of each service of a batch, as {@link #suspendAll}.
	 * @return the services {@link #restore} would have answered true for
	 */
	default Set<Long> restoreAll(List<Request> requests) {
		Set<Long> done = new HashSet<>();
		for (Request r : requests) {
			if (restore(r.serviceId(), r.reason())) {
				done.add(r.serviceId());
			}
		}
		return done;
	}

	/**
	 * {@link #terminate} of each service of a batch, as {@link #suspendAll}.
	 * @return the services {@link #terminate} would have answered true for
	 */
	default Set<Long> terminateAll(List<Request> requests) {
		Set<Long> done = new HashSet<>();
		for (Request r : requests) {
			if (terminate(r.serviceId(), r.reason())) {
				done.add(r.serviceId());
			}
		}
		return done;
	}

}
