package org.hostwright.provisioning;

/**
 * Told of a panel call just before it is made (a sink of {@link PanelExchange}s may also
 * implement it): what lets the step log show a call whose run died before the answer
 * came.
 */
interface PanelCalls {

	void calling(String action, String request);

}
