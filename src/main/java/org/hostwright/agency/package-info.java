/**
 * The agency pipeline from the agency seed: prospects, hosted sites moving from draft
 * through POC, proposal and acceptance to live (every move checked against
 * {@link org.hostwright.agency.SiteStatus}), the POC viewer, the client's recurring
 * services and their renewals, and the agency dashboard. Websites themselves belong to
 * the {@code sites} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agency")
package org.hostwright.agency;
