/**
 * E-mail: templates rendered with Thymeleaf, written to the outbox in the caller's
 * transaction and delivered over SMTP by a durable job when SMTP is configured. Without
 * SMTP, admins read the messages at {@code /admin/outbox}.
 * {@link org.hostwright.notifications.Mailer} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.hostwright.notifications;
