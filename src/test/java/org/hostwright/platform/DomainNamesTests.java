package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one domain rule, with the cases of the copies it replaced (checkout, websites,
 * admin order edits).
 */
class DomainNamesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			// case, trailing dot, surrounding space
			"' Example.CO.tz. '        | example.co.tz", "Neema-Shop.co.tz          | neema-shop.co.tz",
			// scheme, www., path, port, query: stripped the same way for every caller
			// (the copies disagreed)
			"https://www.example.com/path | example.com", "https://www.shop.co.tz/path  | shop.co.tz",
			"http://shop.co.tz/          | shop.co.tz", "www.acme.lu                 | acme.lu",
			"example.com:8080            | example.com", "HTTPS://Example.com?x=1     | example.com",
			// IDN to punycode
			"café.co.tz                  | xn--caf-dma.co.tz", "xn--caf-dma.co.tz           | xn--caf-dma.co.tz",
			"boulangerie-parc.lu         | boulangerie-parc.lu", "a.b.example.org             | a.b.example.org" })
	void normalises(String raw, String expected) {
		assertThat(DomainNames.normalise(raw)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", " ", "localhost", "exa mple.com", "-bad.com", "bad-.com", "a..com", "x.123", "ab--cd.com", // reserved
																														// hyphens
																														// (RFC
																														// 5891)
																														// outside
																														// xn--:
																														// the
																														// sites
																														// copy
																														// accepted
																														// it
					"example.c0m", // no such top level: the sites copy accepted it
					"co.tz", "com", "www.co.tz", // a bare public suffix
					"under_score.com", "192.168.1.1", "exa!mple.com", ".com", "example..com", "xn--zz.com", "https://",
					"//", "*.example.com" })
	void refuses(String raw) {
		assertThat(DomainNames.normalise(raw)).as(raw).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 64, 300, 5000 })
	void refusesOverLongInputWithoutThrowing(int length) {
		assertThat(DomainNames.normalise("a".repeat(length) + ".com")).isEmpty();
		assertThat(DomainNames.normalise("é".repeat(length) + ".com")).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void refusesMalformedUnicodeWithoutThrowing() {
		assertThat(DomainNames.normalise("\uD800abc.com")).isEmpty(); // a lone surrogate
		assertThat(DomainNames.normalise("exa\u0000mple.com")).isEmpty();
		assertThat(DomainNames.normalise("ex\u202Eample.com")).isEmpty();
		assertThat(DomainNames.normalise(null)).isEmpty();
	}

}
