package org.hostwright.provisioning;

import java.time.Instant;

/**
 * A panel action asked for and not yet answered by the panel, shown as pending on the
 * service's pages.
 *
 * @param action {@code suspend}, {@code activate} or {@code terminate}
 * @param reason what the admin told the customer, or null
 */
public record PendingAction(String action, String reason, Instant since) {
}
