package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlLikeTests {

	@Test
	void escapesWildcardsAndTheEscapeCharacter() {
		assertThat(SqlLike.contains(" 100%_off! ")).isEqualTo("%100!%!_off!!%");
		assertThat(SqlLike.startsWith("a_")).isEqualTo("a!_%");
		assertThat(SqlLike.contains(" ")).isNull();
		assertThat(SqlLike.startsWith(null)).isNull();
		assertThat(SqlLike.ESCAPE).isEqualTo(" ESCAPE '!'");
	}

}
