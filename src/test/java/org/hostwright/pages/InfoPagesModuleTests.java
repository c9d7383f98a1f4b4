package org.hostwright.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.sites.Markdown;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The pattern for a test that needs one module only: {@code @ApplicationModuleTest}
 * starts the information pages module alone (its beans, the database, Spring Boot's
 * auto-configuration), not the whole application; what it uses of other modules (the
 * audit log, Markdown rendering) is replaced by mocks, and the clock is fixed. The web
 * journey is {@link InfoPagesTests}'.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
class InfoPagesModuleTests {

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	@Autowired
	InfoPages pages;

	@MockitoBean
	AuditLog audit;

	@MockitoBean
	Markdown markdown;

	@Test
	void aSavedPageReplacesTheDefaultUntilItIsResetAndBothAreAudited() {
		// the database outlives the test on PostgreSQL: start from the default
		pages.reset(InfoPageKind.PRIVACY);
		clearInvocations(audit);
		assertThat(pages.page(InfoPageKind.PRIVACY, Locale.ENGLISH).title()).isEqualTo("Privacy notice");

		pages.save(InfoPageKind.PRIVACY, "  Our privacy  ", "We keep **little**.", "admin@example.test");
		InfoPage saved = pages.page(InfoPageKind.PRIVACY, Locale.ENGLISH);
		assertThat(saved.title()).isEqualTo("Our privacy");
		assertThat(saved.body()).isEqualTo("We keep **little**.");
		verify(audit).record(eq("info_page.update"), eq("info_page"), eq("privacy"), any());

		pages.reset(InfoPageKind.PRIVACY);
		assertThat(pages.page(InfoPageKind.PRIVACY, Locale.ENGLISH).title()).isEqualTo("Privacy notice");
		verify(audit).record("info_page.reset", "info_page", "privacy", null);
	}

	@Test
	void anEmptyTitleIsRefusedWithItsFieldAndNothingIsSaved() {
		assertThatThrownBy(() -> pages.save(InfoPageKind.CONTACT, " ", "Call us.", "admin@example.test"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fields()).extracting(InvalidInputException.FieldProblem::field)
						.containsExactly("title"));
		assertThat(pages.page(InfoPageKind.CONTACT, Locale.ENGLISH).body()).doesNotContain("Call us.");
		verifyNoInteractions(audit);
	}

}
