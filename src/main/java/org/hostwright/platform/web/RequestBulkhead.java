package org.hostwright.platform.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Works on at most {@code hostwright.web.concurrent-requests} requests at once; the
 * others wait their turn in arrival order (and are answered 503 with Retry-After if it
 * does not come within the queue timeout).
 * <p>
 * Why: the node's database connections are shared by requests, payment confirmations and
 * jobs, and each takes its turn at the pool. In a sale, every customer's checkout and
 * payment took a turn as it arrived, so the work that follows a payment (setting up the
 * account) got a smaller and smaller share: accounts were set up at 15 a second while 40
 * payments a second came in, and at 130 a second once they stopped. Queued here, the
 * waiting requests hold no connection and no core. With virtual threads (Java 21+) the
 * server itself sets no bound at all. A request waiting for another system (an outside
 * call) steps out of its turn meanwhile ({@link RequestTurns#away}).
 * <p>
 * Not queued: the payment gateway's webhooks (a confirmation never waits behind
 * checkouts), the health and metrics endpoints (a load balancer must get its answer),
 * static files (a page answered 503 still gets its styles), and what runs before this
 * filter (the anonymous storefront from memory).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RequestBulkhead extends OncePerRequestFilter {

	private static final int RETRY_AFTER_SECONDS = 5;

	private final Semaphore turns;

	private final long timeoutNanos;

	private final MessageSource messages;

	/**
	 * The limits bound from {@code hostwright.web.*}; their defaults where they are not
	 * bound (a web test slice).
	 */
	@Autowired
	RequestBulkhead(ObjectProvider<RequestLimits> limits, MessageSource messages) {
		this(limits.getIfAvailable(() -> new RequestLimits(null, null)), messages);
	}

	RequestBulkhead(RequestLimits limits, MessageSource messages) {
		this.turns = new Semaphore(limits.concurrentRequests(), true);
		this.timeoutNanos = limits.queueTimeout().toNanos();
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return path.startsWith("/webhooks/") || path.startsWith("/actuator/")
				|| StaticResourceUrlFilter.isStaticPath(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!RequestTurns.take(turns, timeoutNanos)) {
			busy(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestTurns.giveBack();
		}
	}

	private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
		if (request.getRequestURI().startsWith("/api/")) {
			// in the caller's language: this runs before Spring sets the request's locale
			Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("problem.busy", null,
					"The service is busy; try again in a few seconds.", request.getLocale()), null);
		}
		else {
			// the error page (error/503), in the site's layout and the visitor's language
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
	}

}
