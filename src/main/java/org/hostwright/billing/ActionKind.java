package org.hostwright.billing;

import java.util.Locale;

/** The kinds of billing action, each done once per invoice (and reminder step). */
enum ActionKind {

	REMINDER, LATE_FEE, SUSPENSION, TERMINATION_WARNING, TERMINATION, RESTORATION,

	/** An unpaid upgrade invoice cancelled, with its plan change. */
	UPGRADE_LAPSE;

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
