package org.hostwright.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.platform.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Page-side counterpart of the API problem handler for what needs more than a status
 * code.
 */
@ControllerAdvice(annotations = PageController.class)
class WebErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

	/**
	 * A value the database refuses is bad input (400); a clash with existing data a
	 * conflict (409).
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(DataIntegrityViolationException ex) {
		boolean badValue = DatabaseRefusals.isBadValue(ex);
		log.info("Refused a page request the database would not store: {}", ex.getMostSpecificCause().getMessage());
		ModelAndView mv = new ModelAndView("error");
		HttpStatus status = badValue ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
		mv.setStatus(status);
		mv.addObject("status", status.value());
		return mv;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		ModelAndView mv = new ModelAndView("error/429");
		mv.setStatus(HttpStatus.TOO_MANY_REQUESTS);
		mv.addObject("retryAfter", ex.retryAfterSeconds());
		return mv;
	}

}
