package org.hostwright.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which JVM flags a plain {@code java -jar} start gets from {@link FastStart}: the class
 * data sharing archive the build made next to the jar (when it fits this JVM and this
 * folder) and, on one or two cores, the quick compiler only. Nothing when the operator
 * already chose how the JVM loads or compiles classes, attached an agent or a debugger
 * (the second JVM would attach it again), or passed options through the environment (the
 * second JVM would read them again).
 */
final class FastStartFlags {

	/** Set on the second JVM: it must not start a third. */
	static final String LAUNCHER_PID = "hostwright.launcher-pid";

	private static final List<String> OPERATOR_CHOICES = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
			"-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:+AutoCreateSharedArchive", "-XX:AOT", "-Xshare",
			"-XX:TieredStopAtLevel", "-XX:+TieredCompilation", "-XX:-TieredCompilation", "-Xint", "-Xcomp", "-XX:Flags",
			"-XX:VMOptionsFile", "-javaagent", "-agentlib", "-agentpath", "-Xdebug", "-Xrunjdwp", "-D" + LAUNCHER_PID);

	private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
			"_JAVA_OPTIONS");

	private FastStartFlags() {
	}

	/**
	 * @param jvmArguments the running JVM's own options (its input arguments)
	 * @param archive the archive next to the jar, when its record says it fits this JVM
	 * and this jar
	 * @param learning where to record an archive when the application stops, when none
	 * fits
	 * @return the flags to start a second JVM with; empty when this one should just start
	 */
	static List<String> choose(List<String> jvmArguments, Map<String, String> environment, int cores,
			Optional<String> archive, Optional<String> learning) {
		if (!allowed(jvmArguments, environment)) {
			return List.of();
		}
		List<String> flags = new ArrayList<>();
		if (archive.isPresent()) {
			flags.add("-XX:SharedArchiveFile=" + archive.get());
		}
		else if (learning.isPresent()) {
			// the dump lists every class it leaves out (a few hundred lines) as a warning
			flags.add("-XX:ArchiveClassesAtExit=" + learning.get());
			flags.add("-Xlog:cds*=error");
		}
		// on two cores the optimising compiler would take one of them for seconds
		// after the start and in every burst (docs/benchmarks.md)
		if (cores <= 2) {
			flags.add("-XX:TieredStopAtLevel=1");
		}
		return List.copyOf(flags);
	}

	/**
	 * Whether the fast start may add anything: not switched off, and no option of the
	 * operator's own that it would override or repeat.
	 */
	static boolean allowed(List<String> jvmArguments, Map<String, String> environment) {
		return !"false".equalsIgnoreCase(environment.getOrDefault("HOSTWRIGHT_FAST_START", "").trim())
				&& OPTION_VARIABLES.stream().allMatch(name -> environment.getOrDefault(name, "").isBlank())
				&& jvmArguments.stream().noneMatch(FastStartFlags::operatorChoice);
	}

	private static boolean operatorChoice(String argument) {
		return argument.startsWith("@") || argument.equalsIgnoreCase("-Dhostwright.fast-start=false")
				|| OPERATOR_CHOICES.stream().anyMatch(argument::startsWith);
	}

}
