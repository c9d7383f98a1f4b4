package org.hostwright.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.platform.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mail's model survives the outbox with its types, or is refused when it cannot. */
class MailModelsTests {

	@Test
	void plainValuesComeBackWithTheirTypes() {
		Map<String, Object> model = new HashMap<>();
		model.put("name", "Amina \"Duka\" <Ltd> ü");
		model.put("hours", 24);
		model.put("count", 3_000_000_000L);
		model.put("rate", new BigDecimal("12.50"));
		model.put("yes", true);
		model.put("amount", Money.of(1_500_000, "TZS"));
		model.put("due", LocalDate.of(2026, 12, 4));
		model.put("at", Instant.parse("2026-12-04T02:30:00Z"));
		model.put("nothing", null);

		Map<String, Object> back = MailModels.decode(MailModels.encode(model).orElseThrow());

		assertThat(back).isEqualTo(model);
		assertThat(back.get("hours")).isInstanceOf(Integer.class);
		assertThat(back.get("count")).isInstanceOf(Long.class);
		assertThat(back.get("rate")).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void aModelWithAnyOtherValueIsNotKept() {
		assertThat(MailModels.encode(Map.of("name", "x", "lines", List.of("a")))).isEmpty();
		assertThat(MailModels.encode(Map.of("when", java.time.LocalDateTime.of(2026, 12, 4, 2, 0)))).isEmpty();
	}

}
