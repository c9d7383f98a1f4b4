package org.hostwright.platform.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Locale from {@code ?lang=}, remembered in a cookie, else the browser's Accept-Language: a new
 * language is a new message bundle, no code change.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("hw_lang");
		// the browser's language when it names one; English for clients that say nothing, never the
		// server's own locale (texts without a translation fall back to English either way)
		resolver.setDefaultLocaleFunction(
				request -> request.getHeader("Accept-Language") != null ? request.getLocale() : Locale.ENGLISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/** JSON strings with a NUL character are a 400 (see {@link TextWithoutNul}). */
	@Bean
	JsonMapperBuilderCustomizer textWithoutNul() {
		return builder -> builder.addModule(TextWithoutNul.module());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
