package org.hostwright.billing;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The overdue tests change the automation's rules (days, switches) in the shared
 * database: each test puts the defaults back.
 */
abstract class OverdueTestSupport extends BillingTestSupport {

	@Autowired
	SettingsStore settings;

	@AfterEach
	void defaultRules() {
		settings.saveOverdue(OverdueRules.DEFAULTS);
	}

}
