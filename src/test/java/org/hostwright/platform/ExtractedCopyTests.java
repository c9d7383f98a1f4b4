package org.hostwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extracted copies of the executable jar: what a start removes beside the copy it
 * runs (the extraction itself runs Spring Boot's {@code -Djarmode=tools}, checked on the
 * built jar by {@code .ci/run}).
 */
@Timeout(60)
class ExtractedCopyTests {

	@TempDir
	Path root;

	@Test
	void copiesOfOtherVersionsGoOnceNoLauncherHoldsThem() throws Exception {
		Path running = copy("100-1");
		Path stale = copy("90-1");
		Path neverRun = copy("80-1");
		Files.delete(neverRun.resolve(".in-use"));
		Path kept = copy("110-1");
		Process holder = hold(running);
		try {
			ExtractedCopy.removeOthers(root, kept);

			assertThat(running).as("held by a running launcher").exists();
			assertThat(stale).as("held by none").doesNotExist();
			assertThat(neverRun).doesNotExist();
			assertThat(kept).exists();
		}
		finally {
			holder.destroyForcibly().waitFor();
		}
		ExtractedCopy.removeOthers(root, kept);
		assertThat(running).as("its launcher is gone").doesNotExist();
	}

	@Test
	void anExtractionUnderWayIsLeftAndOneThatDiedIsRemoved() throws Exception {
		Path underWay = Files.createDirectory(root.resolve("100-1.part-" + ProcessHandle.current().pid()));
		Process gone = new ProcessBuilder(java(), "-version").start();
		gone.waitFor(30, TimeUnit.SECONDS);
		Path died = Files.createDirectory(root.resolve("100-1.part-" + gone.pid()));

		ExtractedCopy.removeOthers(root, root.resolve("100-1"));

		assertThat(underWay).exists();
		assertThat(died).doesNotExist();
	}

	private Path copy(String key) throws IOException {
		Path copy = Files.createDirectory(root.resolve(key));
		Files.writeString(copy.resolve(ExtractedCopy.JAR), "jar");
		Files.writeString(copy.resolve(".in-use"), "");
		return copy;
	}

	/** Another process holding the copy, as a running launcher does. */
	private static Process hold(Path copy) throws Exception {
		Process holder = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
				Holder.class.getName(), copy.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(new String(holder.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("held");
		return holder;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static final class Holder {

		public static void main(String[] args) throws Exception {
			ExtractedCopy.holdWhileRunning(Path.of(args[0]));
			System.out.print("held");
			System.out.flush();
			Thread.sleep(TimeUnit.MINUTES.toMillis(1));
		}

	}

}
