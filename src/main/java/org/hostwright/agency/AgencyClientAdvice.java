package org.hostwright.agency;

import org.hostwright.platform.AuthenticatedUser;
import org.hostwright.platform.web.PageController;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether the signed-in customer is one of the agency's clients, with
 * the agency's brand: the navigation then offers "My website" and the dashboard drops the
 * hosting shop's upsell for a client who bought none of it.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class AgencyClientAdvice {

	/** The agency a client deals with, for the layout. */
	record AgencyClient(String brandName, String brandColor) {
	}

	private final ObjectProvider<ClientArea> area;

	private final ObjectProvider<AgencyProperties> agency;

	// providers: web slices that test other modules' controllers load this advice without
	// the agency
	AgencyClientAdvice(ObjectProvider<ClientArea> area, ObjectProvider<AgencyProperties> agency) {
		this.area = area;
		this.agency = agency;
	}

	@ModelAttribute("agencyClient")
	AgencyClient agencyClient() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user) || user.admin()) {
			return null;
		}
		ClientArea clients = area.getIfAvailable();
		AgencyProperties brand = agency.getIfAvailable();
		if (clients == null || brand == null) {
			return null;
		}
		return clients.isClient(user.id()) ? new AgencyClient(brand.brandName(), brand.brandColor()) : null;
	}

}
