package org.hostwright.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hostwright.platform.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's step-up: a bearer token lives for days, so revealing panel credentials
 * through the API asks an admin with a second factor for a fresh code in the
 * {@code X-TOTP-Code} header on each call.
 */
@Configuration(proxyBeanMethods = false)
class ApiStepUp implements WebMvcConfigurer {

	static final String HEADER = "X-TOTP-Code";

	/**
	 * Looked up per call: web slice tests load this configurer without the accounts
	 * services.
	 */
	private final ObjectProvider<SecondFactors> factors;

	ApiStepUp(ObjectProvider<SecondFactors> factors) {
		this.factors = factors;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				var auth = SecurityContextHolder.getContext().getAuthentication();
				SecondFactors f = factors.getObject();
				if (auth != null && auth.getPrincipal() instanceof AccountUser user && f.enrolled(user.id())
						&& f.verify(user, request.getHeader(HEADER)).isEmpty()) {
					throw new InvalidInputException(HEADER, "accounts.factor.stepUp",
							"Viewing credentials needs a fresh second factor: send the authenticator's code in the X-TOTP-Code header.");
				}
				return true;
			}
		}).addPathPatterns("/api/admin/services/*/credentials");
	}

}
