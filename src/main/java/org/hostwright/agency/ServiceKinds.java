package org.hostwright.agency;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * The client-service vocabularies of the agency seed, as enums with their lowercase wire
 * names.
 */
final class ServiceKinds {

	private ServiceKinds() {
	}

	enum Type {

		DOMAIN, EMAIL, SSL, HOSTING, WEBSITE_MAINTENANCE

	}

	/**
	 * A client service's status: pending → active (delivered); active ⇄ suspended; active
	 * or suspended → expired when its period lapses; a renewal makes pending, suspended
	 * or expired active again; cancelled is final.
	 */
	enum Status implements Lifecycle<Status> {

		PENDING, ACTIVE, SUSPENDED, EXPIRED, CANCELLED;

		@Override
		public Set<Status> targets() {
			return switch (this) {
				case PENDING -> EnumSet.of(ACTIVE, SUSPENDED, CANCELLED);
				case ACTIVE -> EnumSet.of(SUSPENDED, EXPIRED, CANCELLED);
				case SUSPENDED -> EnumSet.of(ACTIVE, EXPIRED, CANCELLED);
				case EXPIRED -> EnumSet.of(ACTIVE, CANCELLED);
				case CANCELLED -> EnumSet.noneOf(Status.class);
			};
		}

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
