package org.hostwright;

import java.util.Set;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.hostwright.platform.web.PageController;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What Spring Modulith does not check. SQL lives only in each module's data-access
 * classes: a class that talks to the database through
 * {@code JdbcClient}/{@code JdbcTemplate} is a Spring {@code @Repository}, and no
 * controller or {@code @Configuration} class is one. The admin console owns no table at
 * all: it reads other modules through their published query interfaces, where Spring
 * Modulith sees the dependency.
 */
class ArchitectureTests {

	// the application's own classes only (target/classes): scanning the class path for a
	// package is slow
	private static final JavaClasses MAIN = new ClassFileImporter().importLocations(
			Set.of(Location.of(HostwrightApplication.class.getProtectionDomain().getCodeSource().getLocation())));

	@Test
	void onlyRepositoriesUseJdbc() {
		ArchRule rule = noClasses().that()
			.areNotAnnotatedWith(Repository.class)
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class)
			.because("SQL lives in each module's @Repository classes, never in controllers, configuration or services");
		rule.check(MAIN);
	}

	@Test
	void theAdminConsoleReadsOtherModulesThroughTheirApisOnly() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("org.hostwright.admin..")
			.should()
			.beAnnotatedWith(Repository.class)
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(JdbcClient.class, JdbcTemplate.class, NamedParameterJdbcTemplate.class, DataSource.class)
			.because("the admin console reads users, orders and services through accounts', ordering's and"
					+ " provisioning's published directories, not their tables, so ApplicationModules.verify()"
					+ " sees every dependency");
		rule.check(MAIN);
	}

	@Test
	void pagesAreDeclaredAsPageControllers() {
		ArchRule rule = noClasses().that()
			.areNotAnnotations()
			.should()
			.beAnnotatedWith(Controller.class)
			.because("the layout's advices select @" + PageController.class.getSimpleName()
					+ " (a plain @Controller page would render without the signed-in user and the brand),"
					+ " and @RestController stays out of them");
		rule.check(MAIN);
	}

}
