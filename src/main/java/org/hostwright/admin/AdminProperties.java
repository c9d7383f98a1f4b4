package org.hostwright.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin console settings, bound from {@code hostwright.admin.*}; the default and
 * environment variable are in application.properties (and the README's table), nowhere
 * else.
 */
@ConfigurationProperties("hostwright.admin")
record AdminProperties(Duration dashboardCache) {
}
