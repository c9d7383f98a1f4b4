package org.hostwright.billing;

import java.util.Locale;

/** The kinds of billing action, each done once per invoice (and reminder step). */
enum ActionKind {

	REMINDER, LATE_FEE, SUSPENSION, TERMINATION_WARNING, TERMINATION, RESTORATION;

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
