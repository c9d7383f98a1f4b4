package org.hostwright.payments;

import java.time.Duration;
import java.util.Map;

import org.hostwright.support.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's environment variables still reach the typed settings, and the defaults
 * hold.
 */
class SettingsBindingTests {

	@Test
	void defaultsComeFromApplicationProperties() {
		var binder = Settings.with(Map.of());
		PaymentsProperties payments = binder.bind("hostwright.payments", PaymentsProperties.class).get();
		assertThat(payments.attemptTimeout()).isEqualTo(Duration.ofMinutes(3));
		assertThat(payments.webhookMaxPerMinute()).isEqualTo(300);
		ZenoPayProperties zenopay = binder.bind("hostwright.zenopay", ZenoPayProperties.class).get();
		assertThat(zenopay.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(zenopay.apiKey()).isEmpty();
	}

	@Test
	void environmentVariablesOverrideThem() {
		var binder = Settings.with(Map.of("HOSTWRIGHT_PAYMENTS_WEBHOOK_RATE_LIMIT", "12", "HOSTWRIGHT_ZENOPAY_API_KEY",
				"zk-1", "HOSTWRIGHT_PAYMENTS_ATTEMPT_TIMEOUT", "90s"));
		PaymentsProperties payments = binder.bind("hostwright.payments", PaymentsProperties.class).get();
		assertThat(payments.webhookMaxPerMinute()).isEqualTo(12);
		assertThat(payments.attemptTimeout()).isEqualTo(Duration.ofSeconds(90));
		ZenoPayProperties zenopay = binder.bind("hostwright.zenopay", ZenoPayProperties.class).get();
		assertThat(zenopay.apiKey()).isEqualTo("zk-1");
		assertThat(zenopay.toString()).doesNotContain("zk-1");
	}

}
