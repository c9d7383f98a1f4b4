/**
 * Provisioning: turns paid orders into hosting accounts on a control panel.
 * {@link org.hostwright.provisioning.HostingServices} is the module's API (read services
 * and their logs, admin actions, customer single sign-on);
 * {@link org.hostwright.provisioning.HostingPanel} is the adapter interface a control
 * panel implements (Webuzo first). Every panel action runs as a durable, idempotent
 * db-scheduler job keyed on the service id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Provisioning")
package org.hostwright.provisioning;
