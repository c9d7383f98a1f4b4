package org.hostwright.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the start-up garbage back to the operating system: starting the application
 * allocates a few hundred megabytes that are dead a second later, and the JVM keeps that
 * heap committed until a full collection. One collection, a little after start, roughly
 * halves the resident memory of an idle node (no JVM flag needed, so
 * {@code ./mvnw spring-boot:run} and {@code java -jar} behave alike).
 * {@code hostwright.heap-trim-after=0} turns it off.
 */
@Component
class HeapTrim {

	private final Duration after;

	HeapTrim(@Value("${hostwright.heap-trim-after:20s}") Duration after) {
		this.after = after;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleTrim() {
		if (after.isZero() || after.isNegative()) {
			return;
		}
		Thread trim = new Thread(() -> {
			try {
				Thread.sleep(after.toMillis());
				System.gc();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "heap-trim");
		trim.setDaemon(true);
		trim.start();
	}

}
