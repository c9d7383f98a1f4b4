package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one field-validation helper and the one e-mail rule behind it. */
class FieldsTests {

	@Test
	void collectsEveryProblemBeforeThrowing() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(Fields.required(problems, "name", "  ", 10)).isNull();
		assertThat(Fields.optional(problems, "notes", " too long text ", 5)).isEqualTo("too long text");
		assertThat(Fields.optionalEmail(problems, "email", "not-an-address")).isEqualTo("not-an-address");
		assertThat(Fields.optionalUrl(problems, "logo", "javascript:alert(1)")).isNotNull();
		assertThat(problems).extracting(FieldProblem::field).containsExactly("name", "notes", "email", "logo");
		assertThat(problems).extracting(FieldProblem::code)
			.containsExactly("field.required", "field.tooLong", "field.email.invalid", "field.url.invalid");
		assertThatThrownBy(() -> Fields.throwIfAny(problems)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void cleansValues() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(Fields.required(problems, "name", " Neema ", 10)).isEqualTo("Neema");
		assertThat(Fields.optional(problems, "notes", "", 10)).isNull();
		assertThat(Fields.optionalEmail(problems, "email", " Neema@Example.TEST ")).isEqualTo("neema@example.test");
		assertThat(Fields.optionalUrl(problems, "logo", "https://cdn.example.com/logo.png")).isNotNull();
		assertThat(Fields.optionalUrl(problems, "logo", "/media/logo.png")).isNotNull();
		assertThat(Fields.trimTo(" abcdef ", 3)).isEqualTo("abc");
		assertThat(problems).isEmpty();
		Fields.throwIfAny(problems);
	}

	@ParameterizedTest
	@ValueSource(strings = { "neema@example.test", "admin@hostwright.local", "first.last+tag@sub.example.co.tz",
			"o'brien@example.ie" })
	void acceptsAddresses(String address) {
		assertThat(EmailAddresses.isValid(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "@example.com", "neema@", "neema@gmail", "neema@@example.com",
			"ne ema@example.com", "neema@exa mple.com", "neema@example.com.", "neema@.com", "a..b@example.com" })
	void refusesAddresses(String address) {
		assertThat(EmailAddresses.isValid(address)).as(address).isFalse();
	}

	@Test
	void boundsAnAddressAt254Characters() {
		String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(63) + ".com";
		String fits = "a".repeat(64) + "@" + domain;
		assertThat(fits).hasSize(254);
		assertThat(EmailAddresses.isValid(fits)).isTrue();
		assertThat(EmailAddresses.isValid(fits.replace("@d", "@dd"))).isFalse();
	}

}
