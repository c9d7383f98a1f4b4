package org.hostwright.platform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What the training run leaves next to its class data sharing archive
 * ({@code hostwright.jsa.properties}): the JVM that made it and the jar it was made for.
 * A JDK 17 archive only maps into the very JVM build that wrote it and for the class path
 * it recorded, and warns on every start otherwise, so {@link FastStart} offers it only
 * when both match.
 */
final class ArchiveRecord {

	static final String ARCHIVE = "hostwright.jsa";

	private static final String RECORD = ARCHIVE + ".properties";

	private ArchiveRecord() {
	}

	/**
	 * An archive that fits: the file to give {@code -XX:SharedArchiveFile} and the jar
	 * exactly as the archive recorded it (JDK 17 compares the class path as written).
	 */
	record Fit(String archive, String jar) {
	}

	/**
	 * The JVM's class path when it is one jar (as with {@code java -jar}), else empty.
	 */
	static Optional<Path> classPathJar() {
		String classPath = System.getProperty("java.class.path", "");
		return classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) ? Optional.of(Path.of(classPath))
				: Optional.empty();
	}

	static void write(Path archive, Path jar) throws IOException {
		Properties record = new Properties();
		record.setProperty("java.home", System.getProperty("java.home"));
		record.setProperty("java.vm.version", System.getProperty("java.vm.version"));
		record.setProperty("jar", jar.toAbsolutePath().toString());
		try (OutputStream out = Files.newOutputStream(archive.resolveSibling(RECORD))) {
			record.store(out, "the JVM and the jar " + ARCHIVE + " was made with (platform.ArchiveRecord)");
		}
	}

	/**
	 * Where a run of {@code jar} may record an archive as it stops, so the next start has
	 * one: next to the jar, when its folder is writable (a temporary name, in case the
	 * run is killed while it writes).
	 */
	static Optional<Path> learnable(Path jar) {
		Path folder = jar.toAbsolutePath().getParent();
		return Files.isWritable(folder) ? Optional.of(folder.resolve(ARCHIVE + ".part")) : Optional.empty();
	}

	/**
	 * After a run that recorded an archive at {@code part}: keeps it, with its record,
	 * when the run stopped in order (exit code 0, or stopped by SIGTERM or Ctrl-C) after
	 * starting, else drops it (a run that failed to start knows too few classes, one
	 * killed outright may have left half a file).
	 */
	static boolean install(Path part, Path jar, int exitCode) {
		try {
			if (Files.isRegularFile(part) && (exitCode == 0 || exitCode == 130 || exitCode == 143)) {
				Path archive = part.resolveSibling(ARCHIVE);
				Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				write(archive, jar);
				return true;
			}
			Files.deleteIfExists(part);
		}
		catch (IOException ex) {
			System.err.println("Hostwright: could not keep the class data sharing archive " + part + ": " + ex);
		}
		return false;
	}

	/** The archive next to {@code jar}, when its record names this JVM and this jar. */
	static Optional<Fit> fitting(Path jar) {
		Path folder = jar.toAbsolutePath().getParent();
		Path archive = folder.resolve(ARCHIVE);
		Path recordFile = folder.resolve(RECORD);
		if (!Files.isRegularFile(archive) || !Files.isRegularFile(recordFile)) {
			return Optional.empty();
		}
		Properties record = new Properties();
		try (InputStream in = Files.newInputStream(recordFile)) {
			record.load(in);
			String recordedJar = record.getProperty("jar", "");
			boolean fits = System.getProperty("java.home").equals(record.getProperty("java.home"))
					&& System.getProperty("java.vm.version").equals(record.getProperty("java.vm.version"))
					&& !recordedJar.isEmpty() && Files.isSameFile(jar, Path.of(recordedJar));
			return fits ? Optional.of(new Fit(archive.toString(), recordedJar)) : Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			// an unreadable record, or a recorded jar that is gone: start without
			// the archive
			return Optional.empty();
		}
	}

}
