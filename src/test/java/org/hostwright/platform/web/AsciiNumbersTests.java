package org.hostwright.platform.web;

import org.hostwright.platform.Sums;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsciiNumbersTests {

	@Test
	void onlyAsciiDigitsAreNumbers() {
		assertThat(AsciiNumbers.toLong(" 42 ")).isEqualTo(42L);
		assertThat(AsciiNumbers.toLong("-1")).isEqualTo(-1L);
		assertThat(AsciiNumbers.toLong("")).isNull();
		for (String bad : new String[] { "\uFF11", "0x10", "#10", "1.9", "1e3", "99999999999999999999", "١" }) {
			assertThatThrownBy(() -> AsciiNumbers.toLong(bad)).as(bad).isInstanceOf(NumberFormatException.class);
		}
		assertThatThrownBy(() -> AsciiNumbers.toInteger("3000000000")).isInstanceOf(NumberFormatException.class);
	}

	@Test
	void sumsSaturateInsteadOfWrapping() {
		assertThat(Sums.add(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
		assertThat(Sums.add(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
		assertThat(Sums.add(2, 3)).isEqualTo(5);
	}

}
