package org.hostwright.platform.web;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request bulkhead: at most N requests worked on at once, the next one waits its turn
 * and is answered 503 with Retry-After when it does not come (problem+json under /api,
 * the error page elsewhere); webhooks and health checks never wait; a turn is given back
 * however the request ends.
 */
class RequestBulkheadTests {

	/**
	 * Threads of the test's own: the common pool has one thread on a two-core machine,
	 * and a request blocked in it kept the next one from starting.
	 */
	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final RequestBulkhead bulkhead = new RequestBulkhead(new RequestLimits(1, Duration.ofMillis(200)),
			messages());

	@Test
	void aRequestBeyondTheLimitWaitsItsTurnThenIsAnswered503WithRetryAfter() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> first = CompletableFuture
			.supplyAsync(() -> run("/api/checkout", (req, res) -> {
				inside.countDown();
				await(release);
			}), threads);
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

		MockHttpServletResponse api = run("/api/orders", new MockFilterChain());
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getHeader("Retry-After")).isEqualTo("5");
		assertThat(api.getContentType()).startsWith("application/problem+json");
		assertThat(api.getContentAsString()).contains("\"status\":503", "try again in a few seconds");
		MockHttpServletRequest french = request("/api/orders");
		french.addPreferredLocale(Locale.FRENCH);
		MockHttpServletResponse inFrench = new MockHttpServletResponse();
		bulkhead.doFilter(french, inFrench, new MockFilterChain());
		assertThat(inFrench.getContentAsString()).contains("Réessayez dans quelques secondes");
		// a page gets the error page (error/503) through the container's error dispatch
		MockHttpServletResponse page = run("/dashboard", new MockFilterChain());
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.isCommitted()).isTrue();
		assertThat(page.getHeader("Retry-After")).isEqualTo("5");
		assertThat(page.getContentAsString()).isEmpty();

		// the gateway's webhooks and the health check never wait behind customers
		assertThat(run("/webhooks/zeno", new MockFilterChain()).getStatus()).isEqualTo(200);
		assertThat(run("/actuator/health", new MockFilterChain()).getStatus()).isEqualTo(200);
		// nor do static files (the error page keeps its styles)
		assertThat(run("/webjars/bootstrap/css/bootstrap.min.css", new MockFilterChain()).getStatus()).isEqualTo(200);
		assertThat(run("/css/app.css", new MockFilterChain()).getStatus()).isEqualTo(200);

		// a request waiting when the turn is given back gets it
		CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture
			.supplyAsync(() -> run("/api/plans", new MockFilterChain()), threads);
		Thread.sleep(50);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	/**
	 * A request waiting for another system (an outside call) steps out of its turn: the
	 * next request gets it meanwhile, and the first takes a turn again after the call.
	 */
	@Test
	void aRequestWaitingForAnotherSystemLetsTheNextOneIn() throws Exception {
		CountDownLatch away = new CountDownLatch(1);
		CountDownLatch answer = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> paying = payingAway(away, answer);
		assertThat(away.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(run("/api/checkout", new MockFilterChain()).getStatus()).isEqualTo(200);
		answer.countDown();
		assertThat(paying.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		// the one turn is free again: given back once, not twice
		assertThat(run("/api/plans", new MockFilterChain()).getStatus()).isEqualTo(200);
		assertThat(RequestTurns.away(() -> "outside a request")).isEqualTo("outside a request");
	}

	/**
	 * No turn free when the outside call returns: the request finishes without one (what
	 * the call did is not left half done) and gives back nothing it does not hold.
	 */
	@Test
	void aRequestBackFromAnotherSystemWithNoTurnFreeFinishesWithoutOne() throws Exception {
		CountDownLatch away = new CountDownLatch(1);
		CountDownLatch answer = new CountDownLatch(1);
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> paying = payingAway(away, answer);
		assertThat(away.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<MockHttpServletResponse> other = CompletableFuture
			.supplyAsync(() -> run("/api/checkout", (req, res) -> {
				holding.countDown();
				await(release);
			}), threads);
		assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
		answer.countDown();
		assertThat(paying.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		release.countDown();
		assertThat(other.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		// exactly one turn: a request gets in, and a second at once while it is held
		// does not
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		CompletableFuture<MockHttpServletResponse> next = CompletableFuture
			.supplyAsync(() -> run("/api/plans", (req, res) -> {
				inside.countDown();
				await(done);
			}), threads);
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(run("/api/plans", new MockFilterChain()).getStatus()).isEqualTo(503);
		done.countDown();
		assertThat(next.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
	}

	@Test
	void aRequestThatFailsGivesItsTurnBack() {
		assertThatThrownBy(
				() -> bulkhead.doFilter(request("/api/checkout"), new MockHttpServletResponse(), (req, res) -> {
					throw new ServletException("boom");
				}))
			.isInstanceOf(ServletException.class);
		assertThat(run("/api/checkout", new MockFilterChain()).getStatus()).isEqualTo(200);
	}

	/**
	 * A payment request that steps out of its turn for the gateway's call, which returns
	 * once {@code answer} is counted down.
	 */
	private CompletableFuture<MockHttpServletResponse> payingAway(CountDownLatch away, CountDownLatch answer) {
		return CompletableFuture.supplyAsync(() -> run("/api/orders/x/pay", (req, res) -> RequestTurns.away(() -> {
			away.countDown();
			await(answer);
			return null;
		})), threads);
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("problem.busy", Locale.FRENCH, "Réessayez dans quelques secondes.");
		return messages;
	}

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	private MockHttpServletResponse run(String path, FilterChain chain) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			bulkhead.doFilter(request(path), response, chain);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return response;
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRequestURI(path);
		request.setServletPath(path);
		return request;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
