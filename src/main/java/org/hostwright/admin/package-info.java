/**
 * The admin console's home and lists, and the customer dashboard: pages that read across
 * modules, always through the owners' published query interfaces (the admin owns no table
 * and holds no SQL; ArchitectureTests checks it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console and dashboards")
package org.hostwright.admin;
