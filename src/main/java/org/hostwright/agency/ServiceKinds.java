package org.hostwright.agency;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The client-service vocabularies of the seed, as enums with their wire names. */
final class ServiceKinds {

	private ServiceKinds() {
	}

	enum Type {

		DOMAIN, EMAIL, SSL, HOSTING, WEBSITE_MAINTENANCE

	}

	enum Status {

		PENDING, ACTIVE, SUSPENDED, EXPIRED, CANCELLED

	}

	enum Period {

		MONTHLY, ANNUAL, ONE_TIME

	}

	static String wire(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String upper = value.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(upper)).findFirst();
	}

	static String allowed(Class<? extends Enum<?>> type) {
		return String.join(", ", Arrays.stream(type.getEnumConstants()).map(ServiceKinds::wire).toList());
	}

}
