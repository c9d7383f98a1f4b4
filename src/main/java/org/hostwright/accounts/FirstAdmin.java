package org.hostwright.accounts;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when none exists: from {@code HOSTWRIGHT_ADMIN_EMAIL} and
 * {@code HOSTWRIGHT_ADMIN_PASSWORD}, or, in sandbox mode with neither set, a demo admin
 * whose sign-in details are printed once here and listed in the README.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	static final String DEMO_EMAIL = "admin@hostwright.local";

	static final String DEMO_PASSWORD = "sandbox-admin-2026";

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final SandboxMode sandbox;

	private final String email;

	private final String password;

	FirstAdmin(Accounts accounts, SandboxMode sandbox, AccountsProperties properties) {
		String email = properties.adminEmail();
		String password = properties.adminPassword();
		this.accounts = accounts;
		this.sandbox = sandbox;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.anyAdmin()) {
			return;
		}
		if (!email.isBlank() && !password.isBlank()) {
			try {
				accounts.createAdmin(email, "Administrator", password);
			}
			catch (InvalidInputException ex) {
				// stop with the reason rather than start without any admin
				throw new IllegalStateException("Cannot create the first admin from HOSTWRIGHT_ADMIN_EMAIL/"
						+ "HOSTWRIGHT_ADMIN_PASSWORD: " + ex.fields().get(0).field() + ": " + ex.getMessage(), ex);
			}
			log.info("Created the first admin {} from HOSTWRIGHT_ADMIN_EMAIL", email);
		}
		else if (sandbox.enabled() && email.isBlank() && password.isBlank()) {
			accounts.createAdmin(DEMO_EMAIL, "Demo Admin", DEMO_PASSWORD);
			log.warn("""

					============================================================
					 Sandbox demo admin created (shown once):
					   e-mail:   {}
					   password: {}
					 Set HOSTWRIGHT_ADMIN_EMAIL / HOSTWRIGHT_ADMIN_PASSWORD to choose your own.
					============================================================""", DEMO_EMAIL, DEMO_PASSWORD);
		}
		else {
			log.warn("No admin account exists: set HOSTWRIGHT_ADMIN_EMAIL and HOSTWRIGHT_ADMIN_PASSWORD "
					+ "(at least 12 characters) and restart to create one");
		}
	}

}
