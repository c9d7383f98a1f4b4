package org.hostwright.provisioning;

/** A panel refused a call, answered garbage, or did not answer in time. */
public class PanelException extends RuntimeException {

	public enum Kind {

		/** The panel said no (a non-empty {@code error}). */
		REFUSED,
		/** The username is taken on the panel. */
		ALREADY_EXISTS,
		/**
		 * No answer within the timeout, or the connection failed: the call may or may not
		 * have happened.
		 */
		UNREACHABLE,
		/** Wrong credentials. */
		UNAUTHORIZED

	}

	private final Kind kind;

	public PanelException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public PanelException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	public boolean alreadyExists() {
		return kind == Kind.ALREADY_EXISTS;
	}

}
