/**
 * Who did what, when and from where: sign-ins, impersonation, credential views and every
 * admin action. {@link org.hostwright.audit.AuditLog} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.hostwright.audit;
