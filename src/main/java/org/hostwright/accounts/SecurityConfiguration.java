package org.hostwright.accounts;

import javax.sql.DataSource;

import org.hostwright.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Three filter chains: the JSON API (stateless, bearer tokens, problem+json), gateway
 * webhooks (authenticated by the webhook itself with the gateway's key), and the web
 * (sessions in the database from sign-in on, CSRF on every form with the token in a
 * cookie, remember-me, impersonation, security headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; font-src 'self' data:; frame-src 'self' http: https:; frame-ancestors 'self'; "
			+ "form-action 'self'; base-uri 'self'; object-src 'none'";

	/**
	 * Paths anyone may open. Modules' public pages are listed here so the rules stay in
	 * one place.
	 */
	static final String[] PUBLIC_PAGES = { "/", "/plans", "/plans/**", "/checkout/**", "/signup", "/login",
			"/password/**", "/verify-email", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
			"/actuator/health", "/actuator/health/**", "/hosting/**", "/sites/**", "/terms", "/privacy", "/contact" };

	/**
	 * No observation around every security filter: they cost a fifth of a signed-in page
	 * view's CPU (a Micrometer observation per filter per request) and nothing reads
	 * them. (Micrometer's observations are left out altogether, see
	 * application.properties; this stays for when an exporter brings them back.)
	 */
	@Bean
	static SecurityObservationSettings noSecurityFilterObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * BCrypt at the configured cost (HOSTWRIGHT_PASSWORD_HASH_COST, 10 by default). A
	 * hash carries its own cost, so hashes made at another cost still verify.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${hostwright.password-hash-cost}") int cost) {
		return new BCryptPasswordEncoder(cost);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, MessageSource messages,
			ApplicationContext context) throws Exception {
		ProblemResponses problems = new ProblemResponses(messages);
		http.securityMatcher("/api/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(a -> {
			})
			.authorizeHttpRequests(a -> a.requestMatchers("/api/auth/register", "/api/auth/token")
				.permitAll()
				.requestMatchers("/api/docs", "/api/docs/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/plans", "/api/plans/**")
				.permitAll()
				.requestMatchers(new UnmappedRequests(context))
				.permitAll()
				.requestMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.addFilterBefore(new ApiTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Gateways authenticate with their own keys, checked by the webhook itself (which
	 * also limits the callers it refuses). Nothing a webhook does not use runs per call:
	 * no session (not even looked up: the security context lives in the request), CSRF,
	 * request cache, anonymous token, logout, servlet API wrapping, nor browser security
	 * headers (the caller is a gateway's server; the answers are fixed JSON).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/webhooks/**")
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable)
			.headers(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(a -> a.anyRequest().permitAll());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http, AccountUserDetailsService users, SignInThrottle throttle,
			AuditLog audit, DataSource dataSource, ApplicationEventPublisher events, ApplicationContext context,
			AccountsProperties properties, DeviceCookies devices, SecondFactors factors, java.time.Clock clock,
			WebAuthnRelyingPartyOperations relyingParty,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) throws Exception {
		String rememberMeKey = properties.rememberMeKey();
		JdbcTokenRepositoryImpl rememberMeTokens = new JdbcTokenRepositoryImpl();
		rememberMeTokens.setDataSource(dataSource);
		var rememberMe = new PersistentTokenBasedRememberMeServices(rememberMeKey, users, rememberMeTokens);
		rememberMe.setParameter("remember-me");
		rememberMe.setTokenValiditySeconds(30 * 24 * 3600);
		// the remember-me cookie follows the session cookie: Secure when
		// HOSTWRIGHT_SECURE_COOKIES=true
		rememberMe.setUseSecureCookie(secureCookies);
		rememberMe.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));

		// the CSRF token lives in a cookie (HttpOnly: the pages carry it in their forms
		// and meta tag), not in
		// the session: an anonymous visitor of the storefront gets no session and causes
		// no database write;
		// a session is created at sign-in only
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(c -> c.secure(secureCookies).sameSite("Lax").httpOnly(true));
		http.csrf(c -> c.csrfTokenRepository(csrfTokens))
			// the agency client's "sign in, then back to the proposal" link (the rest of
			// /hosting is public)
			.authorizeHttpRequests(a -> a.requestMatchers("/hosting/sites/preview/*/sign-in")
				.authenticated()
				.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.requestMatchers(new UnmappedRequests(context))
				.permitAll()
				.requestMatchers("/admin/impersonate/exit")
				.authenticated()
				.requestMatchers("/admin", "/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(new SignInHandlers.Success(throttle, devices, audit, factors))
				.failureHandler(new SignInHandlers.Failure(throttle, devices, audit))
				.permitAll())
			.rememberMe(r -> r.rememberMeServices(rememberMe).key(rememberMeKey))
			// passkeys: the ceremonies' endpoints are Spring Security's, the pages and
			// script ours (the relying party is the PasskeyConfiguration bean)
			.webAuthn(w -> w.rpId("localhost")
				.disableDefaultRegistrationPage(true)
				.addObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(new PasskeyAuthentication(relyingParty, users));
						filter.setAuthenticationSuccessHandler(new PasskeySignIn(factors, audit, clock));
						return filter;
					}
				}))
			.logout(l -> l.logoutUrl("/logout")
				.logoutSuccessUrl("/login?signedout")
				.deleteCookies("SESSION", "remember-me"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.frameOptions(f -> f.sameOrigin())
				.referrerPolicy(
						r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.addFilterBefore(new SignInHandlers.Throttle(throttle, devices), UsernamePasswordAuthenticationFilter.class)
			// security: the second factor (and its step-up) before any authorization or
			// impersonation
			.addFilterBefore(new SecondFactorFilter(factors, clock), AuthorizationFilter.class)
			.addFilterAfter(Impersonation.filter(users, events), AuthorizationFilter.class)
			.addFilterAfter(new MustChangePasswordFilter(), AuthorizationFilter.class);
		return http.build();
	}

}
