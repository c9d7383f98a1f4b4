package org.hostwright.accounts;

import java.time.Clock;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.SandboxMode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The sign-up controller alone (a web slice with its own small context): form binding,
 * validation, and how the facade's refusals reach the form. The full journey is in
 * {@link AccountWebTests}.
 */
@WebMvcTest(controllers = AuthPagesController.class)
@Import({ SandboxMode.class, SignUpPageSliceTests.Clocks.class })
@EnableConfigurationProperties(PlatformProperties.class)
@WithMockUser
class SignUpPageSliceTests {

	/**
	 * The page chrome reads the platform's clock (the sandbox bar shows a shifted date).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	WebSignIn webSignIn;

	@MockitoBean
	SignUpThrottle signUps;

	@MockitoBean
	AccountLanguages languages;

	@Test
	void theFormRendersEmpty() throws Exception {
		mvc.perform(get("/signup"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(model().attributeExists("form"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"create-account\"")));
	}

	@Test
	void invalidFieldsComeBackInlineWithoutCallingTheFacade() throws Exception {
		mvc.perform(post("/signup").with(csrf()).param("name", "").param("email", "nope").param("password", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(model().attributeHasFieldErrors("form", "name", "email", "password"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
		verifyNoInteractions(accounts, webSignIn);
	}

	@Test
	void aValidFormRegistersSignsInAndGoesToTheDashboard() throws Exception {
		Account created = new Account(7, "asha@example.test", "Asha", null, Role.CUSTOMER, null, false,
				java.time.Instant.parse("2026-01-01T00:00:00Z"));
		given(accounts.register(any())).willReturn(created);
		mvc.perform(post("/signup").with(csrf())
			.param("name", "Asha")
			.param("email", "asha@example.test")
			.param("phone", "")
			.param("password", "correct horse battery"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/dashboard"))
			.andExpect(flash().attributeExists("flash"));
		verify(accounts).register(NewAccount.customer("Asha", "asha@example.test", "", "correct horse battery"));
		verify(webSignIn).signIn(eq(created), any(), any());
	}

	@Test
	void aTakenEmailIsAnErrorOnTheEmailField() throws Exception {
		given(accounts.register(any())).willThrow(new EmailTakenException());
		mvc.perform(post("/signup").with(csrf())
			.param("name", "Asha")
			.param("email", "taken@example.test")
			.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "accounts.email.taken"));
		verifyNoInteractions(webSignIn);
	}

	@Test
	void aBusinessRuleRefusalLandsOnItsField() throws Exception {
		given(accounts.register(any()))
			.willThrow(new InvalidInputException("phone", "accounts.phone.invalid", "Enter a valid phone number."));
		mvc.perform(post("/signup").with(csrf())
			.param("name", "Asha")
			.param("email", "asha@example.test")
			.param("phone", "123")
			.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "accounts.phone.invalid"));
	}

	@Test
	void withoutTheCsrfTokenNothingHappens() throws Exception {
		mvc.perform(post("/signup").param("name", "Asha").param("email", "a@example.test").param("password", "x"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(accounts);
	}

}
