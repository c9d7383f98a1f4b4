package org.hostwright.payments;

/**
 * A gateway call that did not succeed. {@link #refused()} tells a definite refusal
 * (nothing was started) from an unknown outcome (a timeout: the push may have gone out,
 * so the attempt stays pending and reconciliation asks again).
 */
public class GatewayException extends RuntimeException {

	private final boolean refused;

	public GatewayException(String message, boolean refused, Throwable cause) {
		super(message, cause);
		this.refused = refused;
	}

	public boolean refused() {
		return refused;
	}

}
