package org.hostwright.agency;

import java.util.Arrays;
import java.util.Locale;

/** The client-service vocabularies (type, status, billing period) as enums; the wire form is the lower-case name. */
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

	static String allowed(Class<? extends Enum<?>> type) {
		return String.join(", ", Arrays.stream(type.getEnumConstants()).map(ServiceKinds::wire).toList());
	}

}
