package org.hostwright.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request is well formed but the object's state refuses it (409); nothing was
 * changed.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final String code;

	private final Object[] args;

	/**
	 * @param code a message-bundle key describing the refusal
	 * @param message the English text, used when no bundle entry exists
	 * @param args the details the bundle text shows as {0}, {1}… (the same ones the
	 * English text names)
	 */
	public ConflictException(String code, String message, Object... args) {
		super(message);
		this.code = code;
		this.args = args.clone();
	}

	public String code() {
		return code;
	}

	/** Arguments for the bundle text, so a refusal with details is translated too. */
	public Object[] args() {
		return args.clone();
	}

}
