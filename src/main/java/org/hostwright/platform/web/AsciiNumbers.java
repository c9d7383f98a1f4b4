package org.hostwright.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids and numbers in paths, query strings and forms are ASCII digits, nothing else.
 * Spring's own conversion goes through {@code Long.decode}, which also takes full-width
 * digits ({@code /sites/１} acted on site 1), hexadecimal and a leading {@code #}. A
 * number that does not fit is a type mismatch, i.e. a 400, never an overflow. Registered
 * as editors for every controller, because an editor comes before the conversion service
 * when Spring binds a value.
 */
@ControllerAdvice
class AsciiNumbers {

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");

	@InitBinder
	void asciiOnly(WebDataBinder binder) {
		binder.registerCustomEditor(Long.class, new Editor(false, false));
		binder.registerCustomEditor(long.class, new Editor(false, true));
		binder.registerCustomEditor(Integer.class, new Editor(true, false));
		binder.registerCustomEditor(int.class, new Editor(true, true));
	}

	/** The number, null for blank text, or a NumberFormatException. */
	static Long toLong(String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return null;
		}
		if (!INTEGER.matcher(t).matches()) {
			throw new NumberFormatException("not a whole number in ASCII digits");
		}
		return Long.valueOf(t);
	}

	static Integer toInteger(String text) {
		Long value = toLong(text);
		if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
			throw new NumberFormatException("out of range");
		}
		return value == null ? null : Integer.valueOf(value.intValue());
	}

	private static final class Editor extends PropertyEditorSupport {

		private final boolean integer;

		private final boolean primitive;

		Editor(boolean integer, boolean primitive) {
			this.integer = integer;
			this.primitive = primitive;
		}

		@Override
		public void setAsText(String text) {
			// not a ternary: Integer and Long in one would unbox a null
			Number value;
			if (integer) {
				value = toInteger(text);
			}
			else {
				value = toLong(text);
			}
			if (value == null && primitive) {
				throw new NumberFormatException("a number is required");
			}
			setValue(value);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

}
