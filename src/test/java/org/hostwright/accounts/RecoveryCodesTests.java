package org.hostwright.accounts;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodesTests {

	@Test
	void tenDistinctReadableCodes() {
		List<String> codes = RecoveryCodes.generate();
		assertThat(codes).hasSize(10);
		assertThat(new HashSet<>(codes)).hasSize(10);
		assertThat(codes).allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
		assertThat(codes).noneMatch(c -> c.contains("l") || c.contains("o") || c.contains("1") || c.contains("0"));
	}

	@Test
	void theHashIgnoresCaseSpacesAndDashesAndHidesTheCode() {
		String code = RecoveryCodes.generate().get(0);
		String hash = RecoveryCodes.hash(code);
		assertThat(RecoveryCodes.hash(" " + code.toUpperCase(java.util.Locale.ROOT).replace("-", " ") + " "))
			.isEqualTo(hash);
		assertThat(hash).hasSize(64).doesNotContain(code.substring(0, 5));
		assertThat(RecoveryCodes.looksLikeOne(code)).isTrue();
		assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
	}

}
