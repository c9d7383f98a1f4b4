package org.hostwright.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payment settings, bound from {@code hostwright.payments.*}; the defaults and
 * environment variables are in application.properties (and the README's table), nowhere
 * else.
 *
 * @param reconcileInterval how often unanswered attempts are checked with the gateway;
 * blank for the job's own default
 * @param confirmThreads threads that confirm payments as their webhooks are stored
 */
@ConfigurationProperties("hostwright.payments")
record PaymentsProperties(String reconcileInterval, Duration attemptTimeout, int webhookMaxPerMinute,
		int confirmThreads) {
}
