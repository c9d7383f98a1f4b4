package org.hostwright.agency;

import java.util.Locale;
import java.util.Optional;

/** Where a prospect stands; {@code converted} is set when a proposal for it is accepted. */
enum ProspectStatus {

	NEW, CONTACTED, QUALIFIED, CONVERTED, LOST;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ProspectStatus> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
