/**
 * The public information pages every business must publish and that the footer links to:
 * terms, privacy and contact. Admins write them in Markdown at {@code /admin/pages};
 * until they do, each page shows a neutral default text.
 * {@link org.hostwright.pages.InfoPages} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Information pages")
package org.hostwright.pages;
