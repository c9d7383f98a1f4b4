package org.hostwright.provisioning;

import org.springframework.stereotype.Component;

/**
 * The address a person knows a hosting service by, for pages and mails
 * ({@code @serviceAddress} in templates): its domain, or the main domain the panel
 * account got when the order named none ({@code <username>.<fallback suffix>}, as
 * {@link Provisioner} creates it). Never the bare panel username, which means nothing to
 * a customer.
 */
@Component("serviceAddress")
class ServiceAddresses {

	private final ProvisioningProperties properties;

	ServiceAddresses(ProvisioningProperties properties) {
		this.properties = properties;
	}

	/**
	 * The address, or an empty string while neither a domain nor an account exists yet.
	 */
	public String of(String domain, String panelUsername) {
		if (domain != null && !domain.isBlank()) {
			return domain;
		}
		if (panelUsername == null || panelUsername.isBlank()) {
			return "";
		}
		return panelUsername + "." + properties.fallbackDomainSuffix();
	}

}
