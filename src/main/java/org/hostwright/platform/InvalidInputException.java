package org.hostwright.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that passed bean validation but breaks a business rule (a taken e-mail, an
 * unknown plan, an invalid phone number): a 400 with field errors on the API, inline
 * errors on forms.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> fields;

	public InvalidInputException(String field, String code, String message, Object... args) {
		this(List.of(new FieldProblem(field, code, message, args)));
	}

	public InvalidInputException(List<FieldProblem> fields) {
		super(fields.isEmpty() ? "invalid input" : fields.get(0).message());
		this.fields = List.copyOf(fields);
	}

	public List<FieldProblem> fields() {
		return fields;
	}

	/**
	 * One field's problem: the field name, a message-bundle key, the English text and the
	 * arguments the bundle text shows as {0}, {1}… (a length limit, the allowed values).
	 */
	public record FieldProblem(String field, String code, String message, Object... args) {
	}

}
