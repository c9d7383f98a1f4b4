package org.hostwright;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold, and their documentation is generated
 * (target/spring-modulith-docs).
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(HostwrightApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
