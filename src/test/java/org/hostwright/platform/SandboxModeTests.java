package org.hostwright.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxModeTests {

	private static boolean sandbox(String datasourceUrl, String explicit) {
		MockEnvironment env = new MockEnvironment();
		if (datasourceUrl != null) {
			env.setProperty("spring.datasource.url", datasourceUrl);
		}
		if (explicit != null) {
			env.setProperty("hostwright.sandbox", explicit);
		}
		return new SandboxMode(env).enabled();
	}

	@Test
	void onByDefaultWithTheEmbeddedDatabase() {
		assertThat(sandbox("jdbc:h2:file:./data/hostwright;MODE=PostgreSQL", null)).isTrue();
		assertThat(sandbox(null, null)).isTrue();
	}

	@Test
	void offByDefaultWithPostgresql() {
		assertThat(sandbox("jdbc:postgresql://db:5432/hostwright", null)).isFalse();
	}

	@Test
	void anExplicitSettingWinsBothWays() {
		assertThat(sandbox("jdbc:h2:mem:x", "false")).isFalse();
		assertThat(sandbox("jdbc:h2:mem:x", "FALSE")).isFalse();
		assertThat(sandbox("jdbc:postgresql://db:5432/hostwright", "true")).isTrue();
	}

}
