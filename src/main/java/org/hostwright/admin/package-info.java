/**
 * The admin console's home and the customer dashboard: pages that read across modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin console and dashboards")
package org.hostwright.admin;
