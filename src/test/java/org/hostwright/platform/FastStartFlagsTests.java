package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which flags a plain {@code java -jar} gets from the fast start, and when the archive
 * next to the jar is offered.
 */
class FastStartFlagsTests {

	private static final Optional<String> ARCHIVE = Optional.of("/srv/hostwright/hostwright.jsa");

	private static final Optional<String> LEARNING = Optional.of("/srv/hostwright/hostwright.jsa.part");

	private static List<String> flags(List<String> jvmArguments, Map<String, String> environment, int cores,
			Optional<String> archive) {
		return FastStartFlags.choose(jvmArguments, environment, cores, archive, Optional.empty());
	}

	@Test
	void withoutAnArchiveThatFitsTheRunRecordsOneForTheNextStart() {
		assertThat(FastStartFlags.choose(List.of(), Map.of(), 2, Optional.empty(), LEARNING)).containsExactly(
				"-XX:ArchiveClassesAtExit=/srv/hostwright/hostwright.jsa.part", "-Xlog:cds*=error",
				"-XX:TieredStopAtLevel=1");
		assertThat(FastStartFlags.choose(List.of(), Map.of(), 8, Optional.empty(), LEARNING))
			.containsExactly("-XX:ArchiveClassesAtExit=/srv/hostwright/hostwright.jsa.part", "-Xlog:cds*=error");
		assertThat(FastStartFlags.choose(List.of(), Map.of(), 2, ARCHIVE, LEARNING))
			.as("an archive that fits is used, not recorded again")
			.containsExactly("-XX:SharedArchiveFile=/srv/hostwright/hostwright.jsa", "-XX:TieredStopAtLevel=1");
		assertThat(FastStartFlags.choose(List.of("-Xshare:off"), Map.of(), 2, Optional.empty(), LEARNING)).isEmpty();
	}

	@Test
	void twoCoresGetTheArchiveAndTheQuickCompiler() {
		assertThat(flags(List.of("-Xmx512m", "-Dfile.encoding=UTF-8"), Map.of(), 2, ARCHIVE))
			.containsExactly("-XX:SharedArchiveFile=/srv/hostwright/hostwright.jsa", "-XX:TieredStopAtLevel=1");
	}

	@Test
	void fourCoresKeepBothCompilersAndStillGetTheArchive() {
		assertThat(flags(List.of(), Map.of(), 4, ARCHIVE))
			.containsExactly("-XX:SharedArchiveFile=/srv/hostwright/hostwright.jsa");
		assertThat(flags(List.of(), Map.of(), 4, Optional.empty())).isEmpty();
	}

	@Test
	void withoutAnArchiveTwoCoresStillGetTheQuickCompiler() {
		assertThat(flags(List.of(), Map.of(), 1, Optional.empty())).containsExactly("-XX:TieredStopAtLevel=1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-XX:SharedArchiveFile=/elsewhere.jsa", "-XX:ArchiveClassesAtExit=hostwright.jsa",
			"-Xshare:off", "-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
			"-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/opt/otel.jar",
			"-agentpath:/opt/profiler.so", "@/etc/hostwright/jvm.options", "-XX:AOTCache=app.aot",
			"-Dhostwright.fast-start=false", "-Dhostwright.fast-start=FALSE", "-Dhostwright.launcher-pid=42" })
	void anOperatorsOwnChoiceStartsAsItIs(String argument) {
		assertThat(flags(List.of("-Xmx1g", argument), Map.of(), 2, ARCHIVE)).isEmpty();
	}

	@Test
	void optionsFromTheEnvironmentOrTheSwitchStartAsItIs() {
		assertThat(flags(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"), 2, ARCHIVE)).isEmpty();
		assertThat(flags(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss1m"), 2, ARCHIVE)).isEmpty();
		assertThat(flags(List.of(), Map.of("HOSTWRIGHT_FAST_START", "False"), 2, ARCHIVE)).isEmpty();
		assertThat(flags(List.of(), Map.of("HOSTWRIGHT_FAST_START", "true", "JAVA_TOOL_OPTIONS", " "), 2, ARCHIVE))
			.hasSize(2);
	}

	@Test
	void theArchiveIsOfferedOnlyForTheJvmAndTheJarItWasMadeWith(@TempDir Path folder) throws IOException {
		Path jar = Files.createFile(folder.resolve("hostwright.jar"));
		Path archive = Files.createFile(folder.resolve("hostwright.jsa"));
		assertThat(ArchiveRecord.fitting(jar)).as("no record").isEmpty();

		ArchiveRecord.write(archive, jar);
		assertThat(ArchiveRecord.fitting(jar))
			.contains(new ArchiveRecord.Fit(archive.toString(), jar.toAbsolutePath().toString()));

		Path copy = Files.createDirectory(folder.resolve("copy"));
		Path otherJar = Files.copy(jar, copy.resolve("hostwright.jar"));
		Files.copy(archive, copy.resolve("hostwright.jsa"));
		Files.copy(folder.resolve("hostwright.jsa.properties"), copy.resolve("hostwright.jsa.properties"));
		assertThat(ArchiveRecord.fitting(otherJar)).as("a copy of the folder elsewhere").isEmpty();

		Path record = folder.resolve("hostwright.jsa.properties");
		Files.writeString(record,
				Files.readString(record).replaceAll("java.vm.version=.*", "java.vm.version=11.0.2+9"));
		assertThat(ArchiveRecord.fitting(jar)).as("another JVM").isEmpty();

		ArchiveRecord.write(archive, jar);
		Files.delete(archive);
		assertThat(ArchiveRecord.fitting(jar)).as("no archive").isEmpty();
	}

	@Test
	void anArchiveRecordedAsTheApplicationStopsInOrderIsKeptForTheNextStart(@TempDir Path folder) throws IOException {
		Path jar = Files.createFile(folder.resolve("hostwright.jar"));
		Path part = ArchiveRecord.learnable(jar).orElseThrow();
		assertThat(part).isEqualTo(folder.resolve("hostwright.jsa.part"));

		Files.writeString(part, "archive");
		assertThat(ArchiveRecord.install(part, jar, 143)).isTrue();
		assertThat(part).doesNotExist();
		assertThat(folder.resolve("hostwright.jsa")).hasContent("archive");
		assertThat(ArchiveRecord.fitting(jar)).isPresent();
	}

	@Test
	void anArchiveFromARunThatFailedOrWasKilledIsDropped(@TempDir Path folder) throws IOException {
		Path jar = Files.createFile(folder.resolve("hostwright.jar"));
		Path part = ArchiveRecord.learnable(jar).orElseThrow();
		for (int exitCode : new int[] { 1, 134, 137 }) {
			Files.writeString(part, "half an archive");
			assertThat(ArchiveRecord.install(part, jar, exitCode)).isFalse();
			assertThat(part).doesNotExist();
		}
		assertThat(folder.resolve("hostwright.jsa")).doesNotExist();
		assertThat(ArchiveRecord.fitting(jar)).isEmpty();
	}

}
