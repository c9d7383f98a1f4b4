package org.hostwright.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The NUL refusal answers in the caller's language, though it runs before Spring sets the
 * request's locale.
 */
class RequestTextFilterTests {

	private final RequestTextFilter filter = new RequestTextFilter(messages());

	@Test
	void aNulOnTheApiIsRefusedInTheCallersLanguage() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/audit");
		request.setParameter("action", "a\u0000b");
		request.addPreferredLocale(Locale.FRENCH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCharacterEncoding("UTF-8");

		filter.doFilter(request, response, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("\"field\":\"action\"")
			.contains("Le texte ne peut pas contenir de caractère NUL.");
	}

	@Test
	void textWithoutANulGoesOn() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/audit");
		request.setParameter("action", "impersonation.start");
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isSameAs(request);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/common");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
