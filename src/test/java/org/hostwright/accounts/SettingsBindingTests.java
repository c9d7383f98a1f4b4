package org.hostwright.accounts;

import java.time.Duration;
import java.util.Map;

import org.hostwright.support.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's environment variables still reach the typed account settings, and the
 * defaults hold.
 */
class SettingsBindingTests {

	@Test
	void signInAndTokenSettings() {
		AccountsProperties defaults = Settings.with(Map.of()).bind("hostwright", AccountsProperties.class).get();
		assertThat(defaults.apiTokenTtl()).isEqualTo(Duration.ofDays(30));
		assertThat(defaults.signin().maxFailuresPerPair()).isEqualTo(5);
		assertThat(defaults.signin().maxFailuresPerAccount()).isEqualTo(100);
		assertThat(defaults.signin().window()).isEqualTo(Duration.ofMinutes(15));

		AccountsProperties set = Settings
			.with(Map.of("HOSTWRIGHT_SIGNIN_MAX_FAILURES_PER_ADDRESS", "7", "HOSTWRIGHT_ADMIN_EMAIL",
					"boss@example.test", "HOSTWRIGHT_ADMIN_PASSWORD", "s3cret-pass"))
			.bind("hostwright", AccountsProperties.class)
			.get();
		assertThat(set.signin().maxFailuresPerAddress()).isEqualTo(7);
		assertThat(set.adminEmail()).isEqualTo("boss@example.test");
		assertThat(set.toString()).doesNotContain("s3cret-pass");
	}

	@Test
	void passwordHashesKeepBcryptsDefaultCostUnlessTheEnvironmentSaysOtherwise() {
		// the tests run at cost 4 (their own application.properties): production does not
		assertThat(Settings.with(Map.of()).bind("hostwright.password-hash-cost", Integer.class).get()).isEqualTo(10);
		assertThat(Settings.with(Map.of("HOSTWRIGHT_PASSWORD_HASH_COST", "12"))
			.bind("hostwright.password-hash-cost", Integer.class)
			.get()).isEqualTo(12);
	}

}
