package org.hostwright.ordering;

import org.hostwright.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainsTests {

	@Test
	void normalisesCaseTrailingDotSchemeAndIdn() {
		assertThat(Domains.normalise(" Example.CO.tz. ")).isEqualTo("example.co.tz");
		assertThat(Domains.normalise("https://www.shop.co.tz/path")).isEqualTo("www.shop.co.tz");
		assertThat(Domains.normalise("café.co.tz")).isEqualTo("xn--caf-dma.co.tz");
		assertThat(Domains.normalise("")).isNull();
	}

	@Test
	void refusesWhatIsNotADomain() {
		for (String bad : new String[] { "localhost", "exa mple.com", "-bad.com", "bad-.com", "a..com", "x.123",
				"a".repeat(64) + ".com", "ab--cd.com" }) {
			assertThatThrownBy(() -> Domains.normalise(bad)).as(bad).isInstanceOf(InvalidInputException.class);
		}
	}

}
