package org.hostwright.payments;

import java.util.Map;

/**
 * A payment gateway that pushes a payment request to the buyer's phone and reports the
 * payment's status. Implementations must be safe to call again with the same order id.
 */
public interface PaymentGateway {

	/** The gateway's name as stored with attempts and events ("zenopay"). */
	String name();

	/** The gateway's name for people (order timelines, logs). */
	default String label() {
		return name();
	}

	/**
	 * Starts a push payment.
	 * @throws GatewayException when the gateway refused it, or its outcome is unknown
	 */
	void start(PushRequest request);

	/**
	 * The gateway's view of a payment.
	 * @throws GatewayException when the gateway cannot be asked
	 */
	GatewayStatus status(String gatewayOrderId);

	/**
	 * What the gateway needs to push a payment: {@code amountWholeUnits} in shillings,
	 * the phone in national form. Where the gateway calls back is the adapter's own
	 * configuration.
	 */
	record PushRequest(String gatewayOrderId, String buyerName, String buyerEmail, String buyerPhone,
			long amountWholeUnits, Map<String, String> metadata) {
	}

	/**
	 * A payment's status as the gateway reports it, with the raw response kept for the
	 * record.
	 */
	record GatewayStatus(State state, String reference, String channel, Long amountWholeUnits, String raw) {

		public enum State {

			COMPLETED, PENDING, FAILED, UNKNOWN

		}

	}

}
