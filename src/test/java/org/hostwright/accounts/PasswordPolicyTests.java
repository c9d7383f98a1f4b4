package org.hostwright.accounts;

import org.hostwright.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	@Test
	void twelveCharactersIsTheMinimum() {
		assertThatThrownBy(() -> PasswordPolicy.check("password", "elevenchars"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				org.assertj.core.api.Assertions.assertThat(ex.fields().get(0).field()).isEqualTo("password");
				org.assertj.core.api.Assertions.assertThat(ex.fields().get(0).code())
					.isEqualTo("accounts.password.tooShort");
			});
		assertThatCode(() -> PasswordPolicy.check("password", "twelve chars")).doesNotThrowAnyException();
	}

	@Test
	void missingPasswordIsRefusedOnTheGivenField() {
		assertThatThrownBy(() -> PasswordPolicy.check("newPassword", null)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> org.assertj.core.api.Assertions.assertThat(ex.fields().get(0).field()).isEqualTo("newPassword"));
	}

	@Test
	void lengthCountsCharactersNotUtf16Units() {
		// six emoji are twelve UTF-16 units but only six characters
		assertThatThrownBy(() -> PasswordPolicy.check("password", "😀😀😀😀😀😀"))
			.isInstanceOf(InvalidInputException.class);
		assertThatCode(() -> PasswordPolicy.check("password", "😀😀😀😀😀😀😀😀😀😀😀😀")).doesNotThrowAnyException();
	}

	@Test
	void moreThanBcryptsSeventyTwoBytesIsRefusedRatherThanSilentlyCut() {
		assertThatCode(() -> PasswordPolicy.check("password", "a".repeat(72))).doesNotThrowAnyException();
		assertThatThrownBy(() -> PasswordPolicy.check("password", "a".repeat(73))).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> org.assertj.core.api.Assertions.assertThat(ex.fields().get(0).code())
					.isEqualTo("accounts.password.tooLong"));
		// 24 characters of three bytes each: 72 bytes, allowed; one more is not
		assertThatCode(() -> PasswordPolicy.check("password", "€".repeat(24))).doesNotThrowAnyException();
		assertThatThrownBy(() -> PasswordPolicy.check("password", "€".repeat(25)))
			.isInstanceOf(InvalidInputException.class);
	}

}
