package org.hostwright.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Checkout limits, bound from {@code hostwright.checkout.*}; the defaults and environment
 * variables are in application.properties (and the README's table), nowhere else.
 */
@ConfigurationProperties("hostwright.checkout")
record CheckoutProperties(int maxOrdersPerWindow, Duration window) {
}
