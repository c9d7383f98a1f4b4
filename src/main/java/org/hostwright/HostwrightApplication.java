package org.hostwright;

import java.util.OptionalInt;

import org.hostwright.platform.FastStart;

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
		// a plain `java -jar` runs the application in a second JVM started with the
		// flags that start it fastest here (platform.FastStart)
		OptionalInt relaunched = FastStart.relaunch(HostwrightApplication.class, args);
		if (relaunched.isPresent()) {
			System.exit(relaunched.getAsInt());
		}
		SpringApplication.run(HostwrightApplication.class, args);
	}

}
