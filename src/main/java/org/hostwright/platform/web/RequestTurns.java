package org.hostwright.platform.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The turn a request holds in the {@link RequestBulkhead}, per thread, and the way to
 * step out of it while the request waits for another system (a payment push, a panel's
 * single sign-on): a gateway that takes ten seconds to answer must not hold sixteen turns
 * and stall the node. After the call the request waits for a turn again; if none comes
 * within the queue timeout it finishes without one (what the call did must not be left
 * half done).
 */
public final class RequestTurns {

	private static final ThreadLocal<Held> HELD = new ThreadLocal<>();

	private record Held(Semaphore turns, long timeoutNanos) {
	}

	private RequestTurns() {
	}

	/** A call that may throw what an outside call throws. */
	@FunctionalInterface
	public interface Call<T> {

		T call() throws IOException;

	}

	/**
	 * Runs {@code call} without this thread's turn, if it holds one, and takes a turn
	 * again after it.
	 */
	public static <T> T away(Call<T> call) throws IOException {
		Held held = HELD.get();
		if (held == null) {
			return call.call();
		}
		HELD.remove();
		held.turns().release();
		try {
			return call.call();
		}
		finally {
			if (acquire(held.turns(), held.timeoutNanos())) {
				HELD.set(held);
			}
		}
	}

	/** Takes a turn for this thread, waiting up to the timeout. */
	static boolean take(Semaphore turns, long timeoutNanos) {
		if (!acquire(turns, timeoutNanos)) {
			return false;
		}
		HELD.set(new Held(turns, timeoutNanos));
		return true;
	}

	/** Gives back this thread's turn, if it still holds one. */
	static void giveBack() {
		Held held = HELD.get();
		if (held != null) {
			HELD.remove();
			held.turns().release();
		}
	}

	private static boolean acquire(Semaphore turns, long timeoutNanos) {
		try {
			return turns.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
