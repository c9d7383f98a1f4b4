package org.hostwright.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The one enum parser: reads a wire form ({@code poc_ready}, any case, trimmed) back into
 * its constant.
 */
public final class States {

	private States() {
	}

	/**
	 * The constant named by {@code value}, or empty when the value is blank or names
	 * none.
	 */
	public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String name = value.strip().toUpperCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	/**
	 * The constant stored in a database column (the wire form); an unknown value is a
	 * bug, not input.
	 */
	public static <E extends Enum<E>> E fromColumn(Class<E> type, String value) {
		return parse(type, value).orElseThrow(
				() -> new IllegalStateException("Unknown " + type.getSimpleName() + " in the database: " + value));
	}

}
