package org.hostwright.platform;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads where the JVM has them (21+), found by reflection because the code is compiled for
 * Java 17: a job waiting on a gateway or a panel then costs no platform thread.
 */
final class VirtualThreads {

	private VirtualThreads() {
	}

	/** A thread-per-task executor of virtual threads named {@code prefix<n>}, or empty on Java 17–20. */
	static Optional<ExecutorService> executor(String prefix) {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
			builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, prefix, 0L);
			ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
			return Optional.of((ExecutorService) java.util.concurrent.Executors.class
				.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
				.invoke(null, factory));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
