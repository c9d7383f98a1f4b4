package org.hostwright.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.platform.TooManyRequestsException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Page-side counterpart of the API problem handler for what needs more than a status code. */
@ControllerAdvice(annotations = Controller.class)
class WebErrorAdvice {

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		ModelAndView mv = new ModelAndView("error/429");
		mv.setStatus(HttpStatus.TOO_MANY_REQUESTS);
		mv.addObject("retryAfter", ex.retryAfterSeconds());
		return mv;
	}

}
