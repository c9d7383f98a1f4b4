package org.hostwright.billing;

/**
 * What the billing automation asks of the module that runs hosting services (provisioning
 * implements it, so billing does not depend on provisioning): each call schedules the
 * existing durable panel job in the caller's transaction, so the request commits or rolls
 * back with the billing action that made it.
 */
public interface ServiceSuspensions {

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

}
