package org.hostwright.ordering;

import java.util.List;

/**
 * The payments an order has had, as the order pages and the orders API show them.
 * Implemented by the payments module (which depends on ordering, not the other way
 * round); absent, an order simply shows no payments.
 */
public interface OrderPayments {

	/** The payment attempts of the order, newest first. */
	List<PaymentSummary> payments(long orderId);

	/**
	 * The raw payment events of the order (webhooks, confirmed status checks, manual
	 * payments), oldest first.
	 */
	List<PaymentEventView> events(long orderId);

	/**
	 * Whether a payment request of the order is still waiting for the customer's answer
	 * on the phone (one past its timeout is first settled with the gateway). An order is
	 * not cancelled under a request the customer may still confirm.
	 */
	boolean awaitingAnswer(long orderId);

}
