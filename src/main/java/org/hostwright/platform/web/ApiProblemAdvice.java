package org.hostwright.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every JSON API error as {@code application/problem+json}; validation problems carry
 * {@code errors: [{field, message}]}. Unexpected failures answer a generic 500 without
 * internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final MessageSource messages;

	ApiProblemAdvice(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Spring's own problems (a missing header, an unreadable body...) look their texts up
	 * under {@code problemDetail.*} keys; our bundles answer unknown keys with the key
	 * itself, which must never reach a client, so a missing key falls back to Spring's
	 * English text instead.
	 */
	@Override
	public void setMessageSource(MessageSource messageSource) {
		super.setMessageSource(new KeyHidingMessages(messageSource));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				text("problem.unreadable", "The request body is not valid JSON of the expected shape."));
		if (ex.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = json.getPath()
				.stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
				.collect(Collectors.joining("."));
			body.setProperty("errors", List.of(Map.of("field", field, "message",
					text("problem.unreadable.field", "invalid value for this field"))));
		}
		return ResponseEntity.badRequest().body(body);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		Locale locale = LocaleContextHolder.getLocale();
		for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", snake(fe.getField()), "message", messages.getMessage(fe, locale)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(ge -> errors.add(Map.of("field", "", "message", messages.getMessage(ge, locale))));
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				text("problem.invalid", "The request has invalid fields."));
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.fields()
			.stream()
			.map(p -> Map.of("field", snake(p.field() == null ? "" : p.field()), "message",
					messages.getMessage(p.code(), p.args(), p.message(), locale)))
			.toList();
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				text("problem.invalid", "The request has invalid fields."));
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> Map.of("field", snake(lastNode(v.getPropertyPath().toString())), "message", v.getMessage()))
			.toList();
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				text("problem.invalid", "The request has invalid fields."));
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST,
				text("problem.mismatch", "Invalid value for ''{0}''.", snake(ex.getName())));
		body.setProperty("errors", List
			.of(Map.of("field", snake(ex.getName()), "message", text("problem.mismatch.field", "invalid value"))));
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, text("problem.notFound", ex.getMessage())));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		String detail = messages.getMessage(ex.code(), ex.args(), ex.getMessage(), LocaleContextHolder.getLocale());
		ProblemDetail body = problem(HttpStatus.CONFLICT, detail);
		body.setProperty("code", ex.code());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		if (DatabaseRefusals.isBadValue(ex)) {
			log.info("Refused a value the database cannot store: {}", ex.getMostSpecificCause().getMessage());
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, text("problem.badValue",
						"A value is too long, out of range or contains characters that are not allowed.")));
		}
		log.info("Refused a change that breaks a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, text("problem.conflict", "The change conflicts with existing data.")));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS,
					text("problem.tooMany", "Too many attempts; try again in {0} seconds.", ex.retryAfterSeconds())));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (annotated != null) {
			HttpStatus status = annotated.code();
			// the exception's class name is the bundle key (e.g. problem.BadCredentials);
			// its message the default
			String key = "problem." + ex.getClass().getSimpleName();
			return ResponseEntity.status(status).body(problem(status, text(key, ex.getMessage())));
		}
		log.error("Unexpected API failure", ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
					text("problem.unexpected", "Something went wrong on our side; it has been logged.")));
	}

	/**
	 * The text in the request's language, or the English default when the bundles lack
	 * the key.
	 */
	private String text(String code, String english, Object... args) {
		return messages.getMessage(code, args, english, LocaleContextHolder.getLocale());
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(status.getReasonPhrase());
		return pd;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	/** Field names in errors match the snake_case JSON the client sent. */
	static String snake(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

}
