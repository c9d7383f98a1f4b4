package org.hostwright.agency;

import org.hostwright.notifications.MailBrand;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hostwright.agency.*}: the agency's brand on the POC viewer and in proposal
 * e-mails.
 */
@ConfigurationProperties("hostwright.agency")
record AgencyProperties(String brandName, String brandColor, String currency) {

	AgencyProperties {
		if (!brandColor.matches("^#[0-9a-fA-F]{6}$")) {
			throw new IllegalArgumentException("hostwright.agency.brand-color must look like #0d9488");
		}
	}

	/** The agency's brand for the mails its clients receive. */
	MailBrand mailBrand() {
		return new MailBrand(brandName, brandColor);
	}

}
