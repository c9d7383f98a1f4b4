package org.hostwright.provisioning;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Panel refusals are classified by their error codes, never by searching the wording. */
class PanelErrorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static PanelException.Kind kind(String error) {
		return WebuzoPanel.refusal(JSON.readTree(error));
	}

	@Test
	void alreadyThereIsReadFromTheCode() {
		assertThat(kind("{\"user_exists\":\"The user neema already exists\"}"))
			.isEqualTo(PanelException.Kind.ALREADY_EXISTS);
		assertThat(kind("{\"domain_exists\":\"The domain shop.co.tz already exists\"}"))
			.isEqualTo(PanelException.Kind.ALREADY_EXISTS);
	}

	@Test
	void wordingAloneDecidesNothing() {
		// "does not exist" contains "exist": searching the message called this an
		// existing account
		assertThat(kind("{\"user\":\"The user neema does not exist\"}")).isEqualTo(PanelException.Kind.REFUSED);
		assertThat(kind("[\"The user already exists\"]")).isEqualTo(PanelException.Kind.REFUSED);
		assertThat(kind("\"exists\"")).isEqualTo(PanelException.Kind.REFUSED);
		assertThat(kind("{\"domain_taken\":\"The domain is used by another user\"}"))
			.isEqualTo(PanelException.Kind.REFUSED);
	}

}
