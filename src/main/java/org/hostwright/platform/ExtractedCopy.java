package org.hostwright.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The executable jar, extracted beside itself
 * ({@code <name>-fast-start/<size>-<modified>/}), for {@link FastStart}: its nested jars
 * can be held by no class data sharing archive, the extracted copy's plain jars can. Made
 * once per version of the jar by Spring Boot's own {@code -Djarmode=tools extract}, in a
 * folder of its own renamed into place, so two launchers starting at once never see half
 * a copy. Each launcher holds a shared lock on the copy it runs ({@code .in-use}) for as
 * long as it lives; the copies of other versions are removed once no launcher holds them.
 */
final class ExtractedCopy {

	static final String JAR = "hostwright.jar";

	private static final String IN_USE = ".in-use";

	private ExtractedCopy() {
	}

	/**
	 * The extracted copy of {@code executableJar}, made now if there is none; empty when
	 * the jar's folder is not writable or the extraction failed (the jar then runs as it
	 * is).
	 */
	static Optional<Path> of(Path executableJar, Path java) {
		Path jar = executableJar.toAbsolutePath();
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		Path root = jar.resolveSibling(name + "-fast-start");
		try {
			if (!Files.isWritable(jar.getParent())) {
				return Optional.empty();
			}
			Files.createDirectories(root);
			Path copy = root.resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
			if (Files.isRegularFile(copy.resolve(JAR))) {
				holdWhileRunning(copy);
			}
			else if (!extract(jar, java, copy)) {
				return Optional.empty();
			}
			removeOthers(root, copy);
			return Optional.of(copy.resolve(JAR));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Hostwright: could not extract " + jar + " for the fast start (" + ex + ")");
			return Optional.empty();
		}
	}

	private static boolean extract(Path jar, Path java, Path copy) throws IOException {
		Path scratch = copy.resolveSibling(copy.getFileName() + ".part-" + ProcessHandle.current().pid());
		try {
			// a one-second tool: the quick compiler alone finishes it sooner
			Process tools = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Djarmode=tools", "-jar",
					jar.toString(), "extract", "--destination", scratch.toString(), "--application-filename", JAR)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!tools.waitFor(2, TimeUnit.MINUTES) || tools.exitValue() != 0
					|| !Files.isRegularFile(scratch.resolve(JAR))) {
				tools.destroyForcibly();
				return false;
			}
			// held before the copy is in place: no other launcher ever sees it unheld
			holdWhileRunning(scratch);
			Files.move(scratch, copy, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (IOException ex) {
			// another launcher put the same version in place first
			if (Files.isRegularFile(copy.resolve(JAR))) {
				holdWhileRunning(copy);
				return true;
			}
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			delete(scratch);
		}
	}

	/** A shared lock, released by the operating system when this launcher ends. */
	@SuppressWarnings("resource") // held open on purpose for the launcher's whole life
	static void holdWhileRunning(Path copy) throws IOException {
		FileChannel channel = FileChannel.open(copy.resolve(IN_USE), StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		channel.lock(0, Long.MAX_VALUE, true);
	}

	/**
	 * The copies of other versions of the jar that no running launcher holds, and what
	 * extractions that died left.
	 */
	static void removeOthers(Path root, Path keep) throws IOException {
		List<Path> others;
		try (Stream<Path> entries = Files.list(root)) {
			others = entries.filter(other -> !other.equals(keep) && Files.isDirectory(other)).toList();
		}
		for (Path other : others) {
			String name = other.getFileName().toString();
			if (name.contains(".part-")) {
				long pid = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
				if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
					continue;
				}
				delete(other);
			}
			else if (unheld(other.resolve(IN_USE))) {
				delete(other);
			}
		}
	}

	private static boolean unheld(Path inUse) {
		if (!Files.exists(inUse)) {
			return true;
		}
		try (FileChannel channel = FileChannel.open(inUse, StandardOpenOption.WRITE)) {
			return channel.tryLock() != null;
		}
		catch (OverlappingFileLockException | IOException ex) {
			return false;
		}
	}

	private static void delete(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// what is left is removed by a later start
		}
	}

}
