package org.hostwright.provisioning;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Panel usernames when many customers share an e-mail's local part ({@code info@} at
 * every company): every base-and-digits candidate can be taken, and a username is still
 * found, valid for Webuzo.
 */
class UsernamesTests {

	@Test
	void aFreeBaseIsTakenAsItIs() {
		assertThat(Usernames.generate("Neema.K+x@example.co.tz", u -> false)).isEqualTo("neemakx");
	}

	@Test
	void whenTheBaseAndEveryDigitSuffixAreTakenLettersAndDigitsFollowTheBase() {
		// every candidate a digit suffix can make is taken
		String username = Usernames.generate("info@example.co.tz", u -> u.matches("info[0-9]*|inf[0-9]*|in[0-9]*"));
		assertThat(Usernames.valid(username)).isTrue();
		assertThat(username).hasSize(Usernames.MAX).startsWith("inf").doesNotMatch("inf[0-9]+");
	}

	@Test
	void tenThousandCustomersNamedAlikeAllGetAUsername() {
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String username = Usernames.generate("sale-1796000000-" + i + "@bench.example", taken::contains);
			assertThat(Usernames.valid(username)).isTrue();
			assertThat(taken.add(username)).isTrue();
		}
	}

}
