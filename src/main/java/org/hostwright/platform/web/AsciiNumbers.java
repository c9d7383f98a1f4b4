package org.hostwright.platform.web;

import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;

/**
 * Ids and numbers in paths, query strings and forms are ASCII digits, nothing else. Spring's own
 * conversion goes through {@code Long.decode}, which also takes full-width digits ({@code /sites/１}
 * acted on site 1), hexadecimal and a leading {@code #}. A number that does not fit is a type
 * mismatch, i.e. a 400, never an overflow.
 */
final class AsciiNumbers {

	private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");

	private AsciiNumbers() {
	}

	static Long toLong(String text) {
		String t = text.strip();
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
		return value == null ? null : Integer.valueOf(Math.toIntExact(value));
	}

	static final class ToLong implements Converter<String, Long> {

		@Override
		public Long convert(String source) {
			return toLong(source);
		}

	}

	static final class ToInteger implements Converter<String, Integer> {

		@Override
		public Integer convert(String source) {
			try {
				return toInteger(source);
			}
			catch (ArithmeticException ex) {
				throw new NumberFormatException("out of range");
			}
		}

	}

}
