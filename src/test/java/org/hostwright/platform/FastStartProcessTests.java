package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast start's two JVMs, as real processes: a launcher running {@link FastStart#run}
 * and, under it, an application that stops gracefully when the launcher is stopped or
 * killed, and whose exit code the launcher passes on.
 */
@Timeout(90)
class FastStartProcessTests {

	@TempDir
	Path folder;

	private final List<Process> launched = new ArrayList<>();

	@AfterEach
	void stopWhatIsLeft() {
		// a failed test leaves no application sleeping for minutes
		launched.forEach(launcher -> {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		});
	}

	@Test
	void theLauncherExitsWithTheApplicationsExitCode() throws Exception {
		Process launcher = launch("7");
		assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(launcher.exitValue()).isEqualTo(7);
		assertThat(folder.resolve("stopped")).exists();
		assertThat(folder.resolve("after-exit")).hasContent("7");
	}

	@Test
	void stoppingTheLauncherStopsTheApplicationGracefullyFirst() throws Exception {
		Process launcher = launch("serve");
		ProcessHandle app = runningApplication(launcher);

		launcher.destroy();

		assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(app.isAlive()).as("the application stopped before its launcher exited").isFalse();
		assertThat(folder.resolve("stopped")).as("its shutdown hooks ran").exists();
		assertThat(folder.resolve("after-exit")).as("what follows its exit ran before the launcher halted")
			.hasContent("143");
	}

	@Test
	void aStopThatComesWhileTheApplicationIsStartingStillStopsIt() throws Exception {
		Process launcher = launch("serve");
		ProcessHandle app = null;
		for (int i = 0; i < 20_000 && app == null; i++) {
			app = launcher.children().findFirst().orElse(null);
			Thread.sleep(0, 200_000);
		}
		assertThat(app).as("the launcher started the application").isNotNull();

		launcher.destroy();

		assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(app.isAlive()).as("the application stopped before its launcher exited").isFalse();
	}

	@Test
	void theApplicationStopsWhenItsLauncherIsKilledOutright() throws Exception {
		Process launcher = launch("serve");
		ProcessHandle app = runningApplication(launcher);

		launcher.destroyForcibly();

		// the JDK polls a process that is not a child every few seconds
		app.onExit().get(30, TimeUnit.SECONDS);
		assertThat(folder.resolve("stopped")).as("it stopped through its shutdown hooks").exists();
	}

	private Process launch(String mode) throws IOException {
		Process launcher = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				Launcher.class.getName(), folder.toString(), mode)
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("out.txt").toFile())
			.start();
		launched.add(launcher);
		return launcher;
	}

	private ProcessHandle runningApplication(Process launcher) throws Exception {
		Path out = folder.resolve("out.txt");
		for (int i = 0; i < 600 && !Files.readString(out).contains("serving"); i++) {
			assertThat(launcher.isAlive()).as(Files.readString(out)).isTrue();
			Thread.sleep(50);
		}
		assertThat(Files.readString(out)).contains("serving");
		List<ProcessHandle> children = launcher.children().toList();
		assertThat(children).hasSize(1);
		return children.get(0);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The first JVM: starts {@link Application} as the fast start starts the real one.
	 */
	static final class Launcher {

		public static void main(String[] args) {
			List<String> command = List.of(java(), "-cp", System.getProperty("java.class.path"),
					"-D" + FastStartFlags.LAUNCHER_PID + "=" + ProcessHandle.current().pid(),
					Application.class.getName(), args[0], args[1]);
			Path afterExit = Path.of(args[0], "after-exit");
			System.exit(FastStart.run(command, exitCode -> {
				try {
					Files.writeString(afterExit, Integer.toString(exitCode));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).orElse(99));
		}

	}

	/** The second JVM: leaves a file when its shutdown hooks run; exits or serves. */
	static final class Application {

		public static void main(String[] args) throws Exception {
			FastStart.stopWhenGone(Long.getLong(FastStartFlags.LAUNCHER_PID));
			Path stopped = Path.of(args[0], "stopped");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					Files.writeString(stopped, "stopped");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}));
			if (!"serve".equals(args[1])) {
				System.exit(Integer.parseInt(args[1]));
			}
			System.out.println("serving");
			Thread.sleep(TimeUnit.MINUTES.toMillis(5));
		}

	}

}
