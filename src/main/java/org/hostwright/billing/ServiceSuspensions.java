package org.hostwright.billing;

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

}
