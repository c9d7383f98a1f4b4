package org.hostwright.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The fast start of a plain {@code java -jar}. On two cores the application is healthy
 * about twice as soon with the class data sharing archive the build leaves next to the
 * jar and the JVM's quick compiler only (docs/benchmarks.md), but a jar cannot give its
 * own JVM flags. So when started as {@code java -jar} without them, this JVM (the
 * launcher, a few tens of megabytes) starts a second one with them
 * ({@link FastStartFlags}), with the same options, arguments, environment and streams; it
 * stops that one when it is stopped itself and exits with its exit code. The second JVM
 * stops when the launcher is killed outright, so it never outlives it holding the port
 * and the data. Started any other way, or with {@code HOSTWRIGHT_FAST_START=false}, the
 * application starts in the JVM it was given.
 */
public final class FastStart {

	private static final long STOP_WAIT_MINUTES = 2;

	private FastStart() {
	}

	/**
	 * The first thing the application's {@code main} does.
	 * @return the exit code of the JVM that ran the application, or empty when this JVM
	 * should run it
	 */
	public static OptionalInt relaunch(Class<?> application, String[] args) {
		String launcher = System.getProperty(FastStartFlags.LAUNCHER_PID);
		if (launcher != null) {
			stopWhenGone(Long.parseLong(launcher));
			return OptionalInt.empty();
		}
		Optional<OwnJar> own = ownJar(application);
		List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
		if (own.isEmpty() || !FastStartFlags.allowed(jvmArguments, System.getenv())) {
			return OptionalInt.empty();
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		// the executable jar's nested jars can be in no archive: its extracted copy runs
		OwnJar jar = own.get().extracted() ? own.get()
				: ExtractedCopy.of(own.get().path(), java).map(copy -> new OwnJar(copy, true)).orElse(own.get());
		Optional<ArchiveRecord.Fit> archive = ArchiveRecord.fitting(jar.path());
		// an extracted jar without an archive that fits (a copy elsewhere, another java)
		// records one as it stops, for the next start
		Optional<Path> learning = archive.isEmpty() && jar.extracted() ? ArchiveRecord.learnable(jar.path())
				: Optional.empty();
		List<String> flags = FastStartFlags.choose(jvmArguments, System.getenv(),
				Runtime.getRuntime().availableProcessors(), archive.map(ArchiveRecord.Fit::archive),
				learning.map(Path::toString));
		if (flags.isEmpty()) {
			return OptionalInt.empty();
		}
		String from = jar.equals(own.get()) ? "" : " from its extracted copy " + jar.path();
		System.err.println("Hostwright: starting the application" + from + " in a JVM with " + String.join(" ", flags)
				+ " (the fast start, see the README; HOSTWRIGHT_FAST_START=false starts it in this one)");
		// the jar as the archive records it: JDK 17 compares the class path as written
		String runJar = archive.map(ArchiveRecord.Fit::jar).orElse(jar.path().toAbsolutePath().toString());
		return run(command(java, flags, jvmArguments, runJar, args), exitCode -> learning.ifPresent(part -> {
			if (ArchiveRecord.install(part, jar.path(), exitCode)) {
				System.err.println("Hostwright: recorded a class data sharing archive for the next start");
			}
		}));
	}

	private static List<String> command(Path java, List<String> flags, List<String> jvmArguments, String jar,
			String[] args) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(flags);
		command.addAll(jvmArguments);
		command.add("-D" + FastStartFlags.LAUNCHER_PID + "=" + ProcessHandle.current().pid());
		command.add("-jar");
		command.add(jar);
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * The application's jar, and whether it is the extracted one (plain jars beside it).
	 */
	private record OwnJar(Path path, boolean extracted) {
	}

	/**
	 * The jar this JVM was started with as {@code java -jar}, when it is the
	 * application's (the extracted one names it as its main class, the executable one as
	 * its start class).
	 */
	private static Optional<OwnJar> ownJar(Class<?> application) {
		Optional<Path> classPathJar = ArchiveRecord.classPathJar();
		String classPath = System.getProperty("java.class.path", "");
		// started as `java -jar` (not `-cp` with a main class)
		if (classPathJar.isEmpty() || !System.getProperty("sun.java.command", "").startsWith(classPath)
				|| !Files.isRegularFile(classPathJar.get())) {
			return Optional.empty();
		}
		try (JarFile jar = new JarFile(classPath)) {
			Attributes manifest = jar.getManifest() == null ? new Attributes() : jar.getManifest().getMainAttributes();
			String name = application.getName();
			if (name.equals(manifest.getValue("Main-Class"))) {
				return Optional.of(new OwnJar(Path.of(classPath), true));
			}
			return name.equals(manifest.getValue("Start-Class")) ? Optional.of(new OwnJar(Path.of(classPath), false))
					: Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Runs {@code command} in a JVM of its own until it exits; empty if it could not
	 * start.
	 */
	static OptionalInt run(List<String> command, IntConsumer afterExit) {
		Application app = new Application(afterExit);
		// registered before the start: a SIGTERM or Ctrl-C that comes while the second
		// JVM is being started still stops it (the hook waits for the start to return)
		Thread stop = new Thread(app::stop, "fast-start-stop");
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			app.start(command);
		}
		catch (IOException ex) {
			Runtime.getRuntime().removeShutdownHook(stop);
			System.err
				.println("Hostwright: could not start a second JVM (" + ex.getMessage() + "), starting in this one");
			return OptionalInt.empty();
		}
		int exitCode = app.waitFor();
		app.finish(exitCode);
		return OptionalInt.of(exitCode);
	}

	/** The second JVM, as the launcher starts, waits for and stops it. */
	private static final class Application {

		private final IntConsumer afterExit;

		private Process process;

		private boolean finished;

		Application(IntConsumer afterExit) {
			this.afterExit = afterExit;
		}

		synchronized void start(List<String> command) throws IOException {
			process = new ProcessBuilder(command).inheritIO().start();
		}

		int waitFor() {
			Process started;
			synchronized (this) {
				started = process;
			}
			while (true) {
				try {
					return started.waitFor();
				}
				catch (InterruptedException ex) {
					// nothing interrupts the launcher's main thread on purpose:
					// stopping goes through the shutdown hook
				}
			}
		}

		/**
		 * Gracefully first (SIGTERM), forcibly after two minutes; then what follows its
		 * exit, here in the shutdown hook, as the launcher halts once its hooks are done.
		 */
		synchronized void stop() {
			if (process == null) {
				return;
			}
			if (process.isAlive()) {
				process.destroy();
				try {
					if (!process.waitFor(STOP_WAIT_MINUTES, TimeUnit.MINUTES)) {
						process.destroyForcibly().waitFor();
					}
				}
				catch (InterruptedException ex) {
					process.destroyForcibly();
					Thread.currentThread().interrupt();
					return;
				}
			}
			finish(process.exitValue());
		}

		/** Once, by whichever comes first: the main thread or the shutdown hook. */
		synchronized void finish(int exitCode) {
			if (!finished) {
				finished = true;
				afterExit.accept(exitCode);
			}
		}

	}

	/**
	 * In the second JVM: stop when the launcher is gone (killed with SIGKILL, its
	 * shutdown hook never ran). The JDK polls a process that is not a child every few
	 * seconds.
	 */
	static void stopWhenGone(long launcherPid) {
		CompletableFuture<?> gone = ProcessHandle.current()
			.parent()
			.filter(parent -> parent.pid() == launcherPid)
			.map(ProcessHandle::onExit)
			.orElseGet(() -> CompletableFuture.completedFuture(null));
		gone.thenRun(() -> {
			System.err.println("Hostwright: the launcher (process " + launcherPid + ") is gone, stopping");
			new Thread(() -> System.exit(1), "launcher-gone").start();
		});
	}

}
