package org.hostwright.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request is well formed but the object's state refuses it (409); nothing was changed. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final String code;

	/**
	 * @param code a message-bundle key describing the refusal
	 * @param message the English text, used when no bundle entry exists
	 */
	public ConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

}
