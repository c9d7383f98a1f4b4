package org.hostwright.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a node works on at once ({@code hostwright.web.*}); see
 * {@link RequestBulkhead}.
 *
 * @param concurrentRequests requests worked on at once; the others wait their turn
 * @param queueTimeout how long a request waits for its turn before it is answered 503
 */
@ConfigurationProperties("hostwright.web")
record RequestLimits(Integer concurrentRequests, Duration queueTimeout) {

	RequestLimits {
		concurrentRequests = concurrentRequests == null || concurrentRequests < 1 ? 16 : concurrentRequests;
		queueTimeout = queueTimeout == null || queueTimeout.isNegative() ? Duration.ofSeconds(20) : queueTimeout;
	}

}
