package org.hostwright.support;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's settings as the application binds them, without starting it:
 * application.properties with the given environment variables in front, for tests of
 * setting names and defaults.
 */
public final class Settings {

	private Settings() {
	}

	public static Binder with(Map<String, String> environmentVariables) {
		StandardEnvironment environment = new StandardEnvironment();
		var sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.addFirst(new SystemEnvironmentPropertySource("env", Map.copyOf(environmentVariables)));
		try {
			new PropertiesPropertySourceLoader().load("application", new ClassPathResource("application.properties"))
				.forEach(sources::addLast);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return Binder.get(environment);
	}

}
