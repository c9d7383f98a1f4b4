/**
 * The websites the agency builds for its clients (the agency seed's "store"): settings,
 * pages written in Markdown, two themes, and serving them by {@code Host} header on
 * {@code {subdomain}.{sites domain}} or, once live, on the client's own domain (and under
 * {@code /sites/{subdomain}/} on the platform). {@link org.hostwright.sites.Websites} is
 * the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Websites")
package org.hostwright.sites;
