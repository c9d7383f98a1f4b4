package org.hostwright.accounts;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The step-up: credentials and impersonation ask for the factor again after ten minutes.
 */
class SecondFactorFilterTests {

	private static final Instant NOW = Instant.parse("2031-05-01T10:00:00Z");

	private final AccountUser admin = new AccountUser(7, "admin@example.test", "Admin", Role.ADMIN, true, false, "x");

	private final SecondFactors factors = mock(SecondFactors.class);

	private final SecondFactorFilter filter = new SecondFactorFilter(factors, Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private MockHttpServletResponse run(String method, String path, Long checkedAt, String referer)
			throws ServletException, IOException {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		when(factors.enrolled(7)).thenReturn(true);
		when(factors.required(admin)).thenReturn(true);
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		if (checkedAt != null) {
			request.getSession().setAttribute(SecondFactorFilter.CHECKED_AT, checkedAt);
		}
		if (referer != null) {
			request.addHeader("Referer", referer);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

	@Test
	void aFreshCheckLetsTheCredentialsPageOpen() throws Exception {
		long nineMinutesAgo = NOW.minusSeconds(9 * 60).toEpochMilli();
		assertThat(run("GET", "/admin/users/5/credentials", nineMinutesAgo, null).getRedirectedUrl()).isNull();
	}

	@Test
	void anOldCheckSendsTheCredentialsPageToTheStepUpAndBack() throws Exception {
		long elevenMinutesAgo = NOW.minusSeconds(11 * 60).toEpochMilli();
		assertThat(run("GET", "/admin/users/5/credentials", elevenMinutesAgo, null).getRedirectedUrl())
			.isEqualTo("/login/factor?continue=%2Fadmin%2Fusers%2F5%2Fcredentials");
		// other admin pages do not ask again
		assertThat(run("GET", "/admin/users/5", elevenMinutesAgo, null).getRedirectedUrl()).isNull();
	}

	@Test
	void impersonatingAfterAnOldCheckStepsUpAndComesBackToThePageItWasOn() throws Exception {
		long elevenMinutesAgo = NOW.minusSeconds(11 * 60).toEpochMilli();
		assertThat(run("POST", "/admin/impersonate", elevenMinutesAgo, "http://localhost/admin/users/5")
			.getRedirectedUrl()).isEqualTo("/login/factor?continue=%2Fadmin%2Fusers%2F5");
		assertThat(run("POST", "/admin/impersonate", NOW.toEpochMilli(), null).getRedirectedUrl()).isNull();
	}

	@Test
	void aSessionNotYetCheckedIsHeldAtTheFactorPage() throws Exception {
		assertThat(run("GET", "/admin", null, null).getRedirectedUrl()).isEqualTo("/login/factor");
		assertThat(run("GET", "/login/factor", null, null).getRedirectedUrl()).isNull();
	}

	@Test
	void onlyPathsOnThisSiteAreFollowedBack() {
		assertThat(SecondFactorController.safe("/admin/users/5")).isEqualTo("/admin/users/5");
		assertThat(SecondFactorController.safe("//evil.example")).isNull();
		assertThat(SecondFactorController.safe("/\\evil.example")).isNull();
		assertThat(SecondFactorController.safe("https://evil.example")).isNull();
	}

}
