/**
 * The storefront and the plans on sale: names, prices, features, billing periods and the
 * control panel package each plan maps to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.hostwright.catalog;
