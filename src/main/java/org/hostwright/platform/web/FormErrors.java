package org.hostwright.platform.web;

import org.hostwright.platform.InvalidInputException;

import org.springframework.validation.BindingResult;

/** Puts a business-rule refusal next to the form field it is about. */
public final class FormErrors {

	private FormErrors() {
	}

	public static void apply(InvalidInputException ex, BindingResult result) {
		for (InvalidInputException.FieldProblem p : ex.fields()) {
			if (p.field() == null || p.field().isBlank()) {
				result.reject(p.code(), p.args(), p.message());
			}
			else {
				result.rejectValue(p.field(), p.code(), p.args(), p.message());
			}
		}
	}

}
