package org.hostwright.platform.web;

import org.hostwright.platform.LanguagePreferences;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Locale from the user's saved choice, else {@code ?lang=} (remembered in a cookie), else
 * the browser's Accept-Language; see {@link LanguageResolver}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver(ObjectProvider<LanguagePreferences> preferences) {
		return new LanguageResolver(preferences);
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
