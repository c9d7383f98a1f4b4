package org.hostwright;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Hostwright: one deployable, business modules as top-level packages (see docs/modules).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HostwrightApplication {

	public static void main(String[] args) {
		SpringApplication.run(HostwrightApplication.class, args);
	}

}
