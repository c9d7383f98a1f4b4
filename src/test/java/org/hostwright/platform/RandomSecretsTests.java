package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one random-secret maker. */
class RandomSecretsTests {

	@Test
	void tokensAreUrlSafeAndDistinct() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String token = RandomSecrets.token("hw_");
			assertThat(token).startsWith("hw_").hasSize(3 + 43).matches("hw_[A-Za-z0-9_-]+");
			assertThat(seen.add(token)).isTrue();
		}
	}

	@Test
	void passwordsHoldOneOfEachClass() {
		for (int i = 0; i < 200; i++) {
			String password = RandomSecrets.password(16, "ABC", "abc", "23", "!#");
			assertThat(password).hasSize(16)
				.matches("[ABCabc23!#]+")
				.containsPattern("[ABC]")
				.containsPattern("[abc]")
				.containsPattern("[23]")
				.containsPattern("[!#]");
		}
	}

	@Test
	void digitsAndAlphabetsAndHashes() {
		assertThat(RandomSecrets.digits(4)).matches("\\d{4}");
		assertThat(RandomSecrets.fromAlphabet("xy", 10)).matches("[xy]{10}");
		assertThat(RandomSecrets.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
