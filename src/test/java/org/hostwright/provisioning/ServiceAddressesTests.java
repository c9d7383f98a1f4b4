package org.hostwright.provisioning;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers see where their hosting lives, never the bare panel username. */
class ServiceAddressesTests {

	private final ServiceAddresses addresses = new ServiceAddresses(
			new ProvisioningProperties(List.of(), 3, "default", "", "", "hostwright.site", 5, Duration.ofMinutes(15)));

	@Test
	void theDomainWhenTheOrderNamedOne() {
		assertThat(addresses.of("duka-la-asha.co.tz", "dukalaas")).isEqualTo("duka-la-asha.co.tz");
	}

	@Test
	void otherwiseTheMainDomainThePanelAccountGot() {
		assertThat(addresses.of(null, "dukalaas")).isEqualTo("dukalaas.hostwright.site");
		assertThat(addresses.of(" ", "dukalaas")).isEqualTo("dukalaas.hostwright.site");
	}

	@Test
	void nothingBeforeTheAccountExists() {
		assertThat(addresses.of(null, null)).isEmpty();
	}

}
